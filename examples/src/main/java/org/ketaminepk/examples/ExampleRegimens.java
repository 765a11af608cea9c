package org.ketaminepk.examples;

import org.ketaminepk.dosing.Dose;
import org.ketaminepk.dosing.Rate;
import org.ketaminepk.dosing.Regimen;
import org.ketaminepk.base.TimeGrid;
import org.ketaminepk.result.Band;

/** The infusion protocols, output grid and concentration band the examples share. */
final class ExampleRegimens {
    private ExampleRegimens() {
    }

    /**
     * Outpatient CRPS protocol of Schwartzman et al. (Pain 2009;147:107-115): 0.35 mg/kg/h, not more than 25 mg/h,
     * 4 h a day for 10 days.
     */
    static Regimen schwartzman2009() {
        return Regimen.daily(Regimen.of(Dose.infusion(Rate.mgPerKgPerH(0.35), 4, 0).withCapMgPerH(25)), 10);
    }

    /**
     * Continuous 22 mg/h for 4 days (96 h): the CRPS regimen the ASRA/AAPM/ASA consensus guideline (Cohen et al.,
     * Reg Anesth Pain Med 2018;43:521) cites beside the 10-day protocol, after the 4.2-day titrated infusion of
     * Sigtermans et al. (Pain 2009;145:304), whose end dose averaged 22.2 mg/h/70 kg.
     */
    static Regimen continuous22MgPerHFor4Days() {
        return Regimen.of(Dose.infusion(Rate.mgPerH(22), 96, 0));
    }

    /** A one-minute grid from 0 to the end of day 11 (264 h), long enough for both protocols to wash out. */
    static TimeGrid minuteGridTo11Days() {
        return TimeGrid.uniform(264, 1.0 / 60);
    }

    /**
     * 70–160 ng/mL: the plasma range reported for analgesia after intravenous racemic ketamine (Clements et al. 1982,
     * as cited in Zanos et al., Pharmacol Rev 2018, Table 1). Applied to norketamine only for comparison.
     */
    static final Band ANALGESIC_BAND = Band.within(70, 160);
}
