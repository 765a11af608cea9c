package org.ketaminepk.engine;

/**
 * The exact one-step operators of {@code dx/dt = K x + r} over a step of length {@code h} with constant input r:
 * <pre>
 *   x(h)          = Φ x(0) + Γ r,      Φ = e^{Kh},  Γ = ∫₀ʰ e^{Ks} ds
 *   ∫₀ʰ x(s) ds   = Γ x(0) + Λ r,      Λ = ∫₀ʰ (h − s) e^{Ks} ds
 * </pre>
 * The integral row gives exact AUCs and exact eliminated amounts. A plain carrier within the engine: the record
 * hands out its arrays themselves, not copies, so whoever receives one must not change them.
 *
 * @param phi Φ, n×n
 * @param gamma Γ, n×n, h
 * @param lambda Λ, n×n, h² (null when it was not asked for: it is needed only under a constant-rate input)
 * @param method which algorithm produced the operators ("eigen", "pade" or "taylor")
 */
record Propagator(double[][] phi, double[][] gamma, double[][] lambda, String method) {
}
