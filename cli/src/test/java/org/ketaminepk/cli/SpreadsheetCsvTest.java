package org.ketaminepk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A CSV file saved by a spreadsheet program ("CSV UTF-8") starts with a byte order mark and ends its lines with CR LF;
 * every CSV file the command line reads takes it as the same file without them.
 */
class SpreadsheetCsvTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "simulate --model otto-2021 --dose 20_mg_over_1_h --duration 6h --observed FILE|time,analyte,value;2,ketamine,40 ng/mL",
        "fit --model otto-2021 --dose 20_mg_over_1_h --observed FILE|time,analyte,value;2,ketamine,40 ng/mL",
        "simulate --model otto-2021 --dose bolus_20_mg --duration 6h --patients FILE|age,weight,height,sex;30,60,165,female",
        "dataset FILE|ID,TIME,AMT,CMT;1,0,20,iv;1,2,.,ketamine"})
    void aByteOrderMarkAndCrLfAreRead(String command, String rows) throws Exception {
        Path file = dir.resolve("sheet.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = (String.join("\r\n", rows.split(";")) + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(text, 0, all, bom.length, text.length);
        Files.write(file, all);
        List<String> args = new ArrayList<>();
        for (String a : command.split(" ")) {
            args.add(a.equals("FILE") ? file.toString() : a.replace('_', ' '));
        }
        Cli.Result r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), () -> args + "\n" + r.err());
        assertTrue(!r.err().contains("\uFEFF") && !r.out().contains("\uFEFF"), r::err);
    }
}
