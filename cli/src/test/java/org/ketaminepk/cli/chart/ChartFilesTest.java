package org.ketaminepk.cli.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ketaminepk.base.InvalidInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartFilesTest {

    private static final JFreeChart CHART = ConcentrationChart.create(ChartRequest.of("Title", "Subtitle",
            new PlotSeries("", Fixtures.antidepressantWithNorketamine(6))));

    @TempDir
    Path dir;

    private static BufferedImage decodePng(byte[] bytes) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertTrue(img != null, "decodes as an image");
        return img;
    }

    private static Document parseSvg(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // a standalone document needs nothing from the network
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /**
     * @return the font size of each text element of a drawing containing {@code words}, px before its scaling (set
     *         on the element or on the nearest group around it)
     */
    private static java.util.List<Double> fontSizes(String svg, String words) throws Exception {
        java.util.List<Double> out = new java.util.ArrayList<>();
        NodeList texts = parseSvg(svg.getBytes(StandardCharsets.UTF_8)).getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element e = (Element) texts.item(i);
            if (!e.getTextContent().replace('\u00A0', ' ').contains(words)) {
                continue;
            }
            org.w3c.dom.Node n = e;
            while (n instanceof Element el && el.getAttribute("font-size").isEmpty()) {
                n = n.getParentNode();
            }
            if (n instanceof Element el) {
                out.add(Double.parseDouble(el.getAttribute("font-size").replace("px", "")));
            }
        }
        return out;
    }

    @Test
    void theSmallPrintOfASmallImageIsLegibleAndCountsWhatItLeavesOut() throws Exception {
        JFreeChart c = ConcentrationChart.create(ChartRequest.of("Title", "Subtitle",
                new PlotSeries("", Fixtures.antidepressantWithNorketamine(6))).withCaptionLines(java.util.List.of(
                        "ketamine-pk: a teaching and review tool, not a dosing device.", "A first note.",
                        "A second note.", "A third note.")));
        // 640 x 360 draws the 1280 x 720 layout at half size: the caption's 15 px printed 7.5 px high
        StringWriter small = new StringWriter();
        ChartFiles.writeSvg(c, small, 640, 360);
        java.util.List<Double> sizes = fontSizes(small.toString(), "teaching and review tool");
        assertFalse(sizes.isEmpty(), "the disclaimer stays");
        for (double size : sizes) {
            assertTrue(size * 0.5 >= SmallPrint.MIN_TEXT_PX, () -> "printed " + size * 0.5 + " px high");
        }
        assertFalse(fontSizes(small.toString(), "more lines of notes in the text output").isEmpty(),
                "what is left out is counted");
        // drawn full size afterwards, the chart is as it was
        StringWriter large = new StringWriter();
        ChartFiles.writeSvg(c, large, 1600, 900);
        assertEquals(java.util.List.of((double) ChartStyle.CAPTION.getSize()),
                fontSizes(large.toString(), "teaching and review tool"));
        assertFalse(large.toString().contains("more lines of notes"));
        assertTrue(large.toString().contains("A first note."));
    }

    @Test
    void pngStreamIsAPngImage() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartFiles.writePng(CHART, out, ChartFiles.DEFAULT_WIDTH_PX, ChartFiles.DEFAULT_HEIGHT_PX);
        byte[] b = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(b, 4));
        decodePng(b);
    }

    @Test
    void svgIsAStandaloneDocumentWithAnSvgRootOfTheRightSize() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartFiles.writeSvg(CHART, out, 1600, 900);
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), text.substring(0, 60));
        assertFalse(text.contains("<!DOCTYPE"));
        Document doc = parseSvg(bytes);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("1600", root.getAttribute("width"));
        assertEquals("900", root.getAttribute("height"));
        assertEquals("0 0 1600 900", root.getAttribute("viewBox"));
        NodeList texts = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        StringBuilder all = new StringBuilder("|");
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('|');
        }
        // horizontal text stays text (JFreeChart draws rotated labels as outlines, which is fine for viewing)
        assertTrue(all.toString().contains("|Time (h)|"), "text kept as text");
        assertTrue(all.toString().contains("|Title|"), all.toString());
        assertTrue(all.toString().contains("Analgesic 70–160 ng/mL"), "non-ASCII survives");
        assertFalse(text.contains("Dialog"), "no Java-only font names");
    }

    @Test
    void svgWriterAndStreamAgree() throws Exception {
        StringWriter w = new StringWriter();
        ChartFiles.writeSvg(CHART, w, 1200, 675);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartFiles.writeSvg(CHART, out, 1200, 675);
        assertEquals(w.toString(), out.toString(StandardCharsets.UTF_8));
        assertEquals("1200", parseSvg(out.toByteArray()).getDocumentElement().getAttribute("width"));
    }

    @Test
    void formatFollowsTheExtensionWhateverItsCase() throws Exception {
        assertEquals(ChartFiles.Format.PNG, ChartFiles.Format.of(Path.of("plot.PNG")));
        assertEquals(ChartFiles.Format.SVG, ChartFiles.Format.of(Path.of("plot.Svg")));
        assertEquals(ChartFiles.Format.PNG, ChartFiles.Format.of(Path.of("a.b.png")));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartFiles.write(CHART, ChartFiles.Format.PNG, png, 1600, 900);
        decodePng(png.toByteArray());
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        ChartFiles.write(CHART, ChartFiles.Format.SVG, svg, 1600, 900);
        assertEquals("svg", parseSvg(svg.toByteArray()).getDocumentElement().getLocalName());
    }

    @Test
    void otherExtensionsAreRefusedInOneLine() {
        for (String name : new String[] {"plot.jpg", "plot", "plot.png.txt", ".png"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> ChartFiles.Format.of(Path.of(name)));
            assertEquals("plot", e.field());
            assertTrue(e.getMessage().startsWith("plot file must end in .png or .svg but was '"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void badSizesAreUserErrors() {
        InvalidInputException w = assertThrows(InvalidInputException.class,
                () -> ChartFiles.write(CHART, ChartFiles.Format.PNG, new ByteArrayOutputStream(), 50, 900));
        assertEquals("plot width must be between 200 and 10000 px but was 50", w.getMessage());
        assertThrows(InvalidInputException.class, () -> ChartFiles.render(CHART, 1600, 20_000));
    }
}
