package org.ketaminepk.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ketaminepk.base.InvalidInputException;
import org.ketaminepk.dosing.Dose;

/** Protocol files: name line, one dose per line, comments; errors with line and column. */
class ProtocolTextTest {

    @Test
    void nameDosesAndComments() {
        String text = "# ten outpatient sessions\n"
                + "\n"
                + "  CRPS outpatient course   # as in Schwartzman 2009\n"
                + "0.35 mg/kg/h for 4 h daily x10 max 25 mg/h\r\n"
                + "bolus 2 mg at 30 min    # loading\n"
                + "   # trailing comment\n";
        Protocol p = ProtocolText.parse(text, "/tmp/my Course.v2.txt");
        assertEquals("CRPS outpatient course", p.name());
        assertEquals("my-course.v2", p.id());
        assertEquals(11, p.regimen().doses().size());
        assertEquals(0.5, p.regimen().doses().get(1).timeH(), 1e-12);
        assertEquals(Dose.Bolus.class, p.regimen().doses().get(1).getClass());
        assertEquals(Protocol.Basis.USER_FILE, p.basis());
        assertEquals(Optional.empty(), p.drugForm());
        assertEquals(Optional.empty(), p.recommendedModelId());
        assertEquals(List.of(), p.citations());
        assertEquals(840 + 2, p.regimen().totalMg(60), 1e-9);
    }

    @Test
    void errorsNameFileLineAndColumn() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ProtocolText.parse("My course\n# c\n0.5 mg/kq over 40 min\n", "course.txt"));
        assertTrue(e.getMessage().startsWith("course.txt:3:5 ('mg/kq'): unknown unit"), e.getMessage());
        assertTrue(e.getMessage().contains("accepted: bolus AMOUNT"), e.getMessage());
        assertEquals("protocol", e.field());
    }

    @Test
    void aMissingNameLineIsExplained() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ProtocolText.parse("0.5 mg/kg over 40 min\n", "x.txt"));
        assertEquals("x.txt:1: the first line must be the protocol's name but '0.5 mg/kg over 40 min' is a dose; "
                + "add a name line above it", e.getMessage());
    }

    @Test
    void emptyTextsAndTextsWithoutDoses() {
        assertEquals("x.txt: the protocol is empty; expected a name line and one dose per line",
                assertThrows(InvalidInputException.class, () -> ProtocolText.parse("# only\n\n", "x.txt"))
                        .getMessage());
        assertEquals("x.txt:2: the protocol 'Name' has no dose; add one dose per line after the name",
                assertThrows(InvalidInputException.class, () -> ProtocolText.parse("\nName\n", "x.txt"))
                        .getMessage());
    }

    @Test
    void idsFromOddFileNames() {
        assertEquals("protocol", ProtocolText.idFrom("...txt"));
        assertEquals("a-b", ProtocolText.idFrom("C:\\dir\\A B.txt"));
    }

    @Test
    void bytesThatAreNotUtf8AreLocated() {
        byte[] latin1 = "# comment\ncaf\u00e9 course\nbolus 5 mg\n".getBytes(StandardCharsets.ISO_8859_1);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ProtocolText.utf8(latin1, "c.txt"));
        assertEquals("protocol", e.field());
        assertEquals("c.txt:2:4: the file is not UTF-8 text (byte 0xE9 cannot start or continue a UTF-8 character); "
                + "save it as UTF-8", e.getMessage());
        // a sequence cut short at the end of the file
        byte[] cut = {'a', 'b', (byte) 0xE2, (byte) 0x82};
        assertTrue(assertThrows(InvalidInputException.class, () -> ProtocolText.utf8(cut, "d.txt")).getMessage()
                .startsWith("d.txt:1:3: the file is not UTF-8 text (byte 0xE2 "));
        byte[] utf8 = "caf\u00e9 \u20ac\nbolus 5 mg".getBytes(StandardCharsets.UTF_8);
        assertEquals("caf\u00e9 \u20ac\nbolus 5 mg", ProtocolText.utf8(utf8, "e.txt"));
        assertEquals("", ProtocolText.utf8(new byte[0], "f.txt"));
    }

    @Test
    void linesThatTogetherHoldTooManyDosesAreRefusedAtTheLineThatOverflows() {
        String text = "Too many\n" + "bolus 1 mg every 1 h x10000\n".repeat(11);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ProtocolText.parse(text, "x.txt"));
        assertEquals("protocol", e.field());
        assertEquals("x.txt:12: a regimen may hold at most 100000 doses but had 110000", e.getMessage());
    }

    @Test
    void aProtocolWithoutAFileNameHasItsOwnParser() {
        // parse(text, null) and utf8(bytes, null) named the source "protocol"
        Protocol p = ProtocolText.parse("Course\nbolus 2 mg\n");
        assertEquals("protocol", p.id());
        assertEquals("read from protocol", p.sourceNote());
        assertEquals("source is required but was missing", assertThrows(InvalidInputException.class,
                () -> ProtocolText.parse("Course\nbolus 2 mg\n", null)).getMessage());
        assertEquals("source is required but was missing", assertThrows(InvalidInputException.class,
                () -> ProtocolText.utf8(new byte[] {'a'}, null)).getMessage());
    }
}
