package org.ketaminepk.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.library.Models;
import org.ketaminepk.patient.Patient;

class MemoryBudgetTest {
    private static final long GIB = 1L << 30;

    @Test
    void theGridOfTheOutOfMemoryReportIsRefusedOnAOneGigabyteHeap() {
        int values = MemoryBudget.valuesPerPoint(Models.get("racemic-composite"), Patient.standardAdult());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MemoryBudget.check(9_996_481, List.of(values), GIB));
        assertEquals("step", e.field());
        assertTrue(e.getMessage().startsWith("--step: the output grid of 9996481 points needs about "), e.getMessage());
        assertTrue(e.getMessage().contains("Java may use at most 1.0 GiB, enough for about "), e.getMessage());
        assertTrue(e.getMessage().contains("-Xmx4g"), e.getMessage());
    }

    @Test
    void theLimitFollowsTheHeap() {
        List<Integer> values = List.of(21, 27);
        for (long heap : new long[] {256L << 20, GIB, 4 * GIB, 64 * GIB}) {
            long perPoint = MemoryBudget.bytesNeeded(1, values) - MemoryBudget.bytesNeeded(0, values);
            int fit = (int) Math.min(Integer.MAX_VALUE, (heap - MemoryBudget.bytesNeeded(0, values)) / perPoint);
            MemoryBudget.check(fit, values, heap);
            if (fit < Integer.MAX_VALUE) {
                assertThrows(InvalidInputException.class, () -> MemoryBudget.check(fit + 1, values, heap));
            }
        }
    }

    @Test
    void aPngImageThatDoesNotFitTheHeapIsRefusedWithWhatToChange() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MemoryBudget.checkPng(10_000, 10_000, 256L << 20));
        assertEquals("plot-size", e.field());
        assertEquals("--plot-size 10000x10000: a PNG chart of that size needs about 445 MiB of memory but Java may use "
                + "at most 256 MiB; give a smaller --plot-size, draw an .svg file, or give Java more memory (e.g. "
                + "KETAMINE_PK_JAVA_OPTS=-Xmx1g)", e.getMessage());
        MemoryBudget.checkPng(10_000, 10_000, 446L << 20);
        MemoryBudget.checkPng(1600, 900, 256L << 20);
    }

    @Test
    void theEstimateCountsEveryValueKeptPerPointTwice() {
        assertEquals((MemoryBudget.RESERVED_MIB << 20) + 1000L * (3 + 4) * 8 * 2,
                MemoryBudget.bytesNeeded(1000, List.of(3, 4)));
    }
}
