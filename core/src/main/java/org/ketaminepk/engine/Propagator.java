package org.ketaminepk.engine;

/**
 * The exact one-step operators of {@code dx/dt = K x + r} over a step of length {@code h} with constant input r:
 * <pre>
 *   x(h)          = Φ x(0) + Γ r,      Φ = e^{Kh},  Γ = ∫₀ʰ e^{Ks} ds
 *   ∫₀ʰ x(s) ds   = Γ x(0) + Λ r,      Λ = ∫₀ʰ (h − s) e^{Ks} ds
 * </pre>
 * The integral row gives exact AUCs and exact eliminated amounts. Immutable; arrays are not exposed.
 *
 * @param phi Φ, row-major n×n
 * @param gamma Γ, row-major n×n, h
 * @param lambda Λ, row-major n×n, h²
 * @param method which algorithm produced the operators ("eigen" or "pade")
 */
record Propagator(double[][] phi, double[][] gamma, double[][] lambda, String method) {
}
