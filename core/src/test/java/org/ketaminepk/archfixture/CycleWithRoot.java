package org.ketaminepk.archfixture;

import org.ketaminepk.ArchitectureTest;

/** Test fixture: a sub-package class that uses the front door while the front door uses it (a package cycle). */
public final class CycleWithRoot {
    ArchitectureTest.UsedByFixture other;
}
