package org.ketaminepk.cli.chart;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes charts as PNG images or SVG drawings. The charts of this package are laid out for
 * {@value #DEFAULT_WIDTH_PX} × {@value #DEFAULT_HEIGHT_PX} px; other sizes draw the same layout scaled, so fonts and
 * lines keep their proportions (down to {@value #MIN_SCALE} of the layout size; smaller images crowd), except the
 * small print at the foot and the labels inside the plot, which keep a legible size ({@link SmallPrint}).
 *
 * <p>SVG is produced with Apache Batik's {@code SVGGraphics2D} (Apache License 2.0): a standalone UTF-8 document
 * with an {@code <svg>} root carrying the width, height and view box, text kept as text. Stateless and thread-safe.
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** Default image width, px (a 16:9 slide). */
    public static final int DEFAULT_WIDTH_PX = 1600;
    /** Default image height, px. */
    public static final int DEFAULT_HEIGHT_PX = 900;
    /** Smallest accepted width or height, px. */
    public static final int MIN_SIZE_PX = 200;
    /** Largest accepted width or height, px (a 10 000 px square PNG already needs 400 MB to draw). */
    public static final int MAX_SIZE_PX = 10_000;
    /** Smallest factor by which the layout is shrunk for small images. */
    static final double MIN_SCALE = 0.5;

    /** The file formats, chosen by file name extension. */
    public enum Format {
        /** Portable Network Graphics, {@code .png}. */
        PNG,
        /** Scalable Vector Graphics, {@code .svg}. */
        SVG;

        /**
         * @param file a file name or path
         * @return the format named by the file's extension (case-insensitive)
         * @throws InvalidInputException if it is neither .png nor .svg
         */
        public static Format of(Path file) {
            Checks.notNull("plot", file);
            Path name = file.getFileName();
            String s = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
            if (s.endsWith(".png") && s.length() > 4) {
                return PNG;
            }
            if (s.endsWith(".svg") && s.length() > 4) {
                return SVG;
            }
            throw new InvalidInputException("plot", "plot file must end in .png or .svg but was '" + file + "'");
        }
    }

    /**
     * Writes {@code chart} to {@code out} in the given format (the stream is left open). Writing a file all or
     * nothing is the caller's business: charts know nothing of files.
     *
     * @param chart the chart
     * @param format PNG or SVG
     * @param out where the bytes go
     * @param widthPx image width, px, {@value #MIN_SIZE_PX}..{@value #MAX_SIZE_PX}
     * @param heightPx image height, px, same range
     * @throws IOException if the stream fails
     */
    public static void write(JFreeChart chart, Format format, OutputStream out, int widthPx, int heightPx)
            throws IOException {
        Checks.notNull("format", format);
        if (format == Format.PNG) {
            writePng(chart, out, widthPx, heightPx);
        } else {
            writeSvg(chart, out, widthPx, heightPx);
        }
    }

    /**
     * Draws {@code chart} into a new RGB image.
     *
     * @param chart the chart
     * @param widthPx width, px, {@value #MIN_SIZE_PX}..{@value #MAX_SIZE_PX}
     * @param heightPx height, px, same range
     * @return the image
     */
    static BufferedImage render(JFreeChart chart, int widthPx, int heightPx) {
        Checks.notNull("chart", chart);
        checkSize(widthPx, heightPx);
        BufferedImage image = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            draw(chart, g2, widthPx, heightPx);
        } finally {
            g2.dispose();
        }
        return image;
    }

    /**
     * Writes {@code chart} as a PNG image to {@code out} (which is left open).
     *
     * @param chart the chart
     * @param out where the PNG bytes go
     * @param widthPx width, px, {@value #MIN_SIZE_PX}..{@value #MAX_SIZE_PX}
     * @param heightPx height, px, same range
     * @throws IOException if the stream fails
     */
    public static void writePng(JFreeChart chart, OutputStream out, int widthPx, int heightPx) throws IOException {
        Checks.notNull("output", out);
        BufferedImage image = render(chart, widthPx, heightPx);
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer is available in this Java runtime");
        }
        out.flush();
    }

    /**
     * Writes {@code chart} as a standalone UTF-8 SVG document to {@code out} (which is left open).
     *
     * @param chart the chart
     * @param out where the UTF-8 bytes go
     * @param widthPx width, px, {@value #MIN_SIZE_PX}..{@value #MAX_SIZE_PX}
     * @param heightPx height, px, same range
     * @throws IOException if the stream fails
     */
    public static void writeSvg(JFreeChart chart, OutputStream out, int widthPx, int heightPx) throws IOException {
        Checks.notNull("output", out);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeSvg(chart, w, widthPx, heightPx);
        w.flush();
    }

    /**
     * Writes {@code chart} as a standalone SVG document to {@code out} (which is left open). The XML declaration
     * says UTF-8, so the writer should encode UTF-8.
     *
     * @param chart the chart
     * @param out where the characters go
     * @param widthPx width, px, {@value #MIN_SIZE_PX}..{@value #MAX_SIZE_PX}
     * @param heightPx height, px, same range
     * @throws IOException if the writer fails
     */
    static void writeSvg(JFreeChart chart, Writer out, int widthPx, int heightPx) throws IOException {
        Checks.notNull("chart", chart);
        Checks.notNull("output", out);
        checkSize(widthPx, heightPx);
        Document doc = GenericDOMImplementation.getDOMImplementation().createDocument(SVG_NS, "svg", null);
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment(null);
        ctx.setPrecision(4);
        // the default font would be Java's logical "Dialog", which no SVG viewer knows
        SVGGeneratorContext.GraphicContextDefaults defaults = new SVGGeneratorContext.GraphicContextDefaults();
        defaults.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        ctx.setGraphicContextDefaults(defaults);
        SVGGraphics2D g2 = new SVGGraphics2D(ctx, false);
        g2.setSVGCanvasSize(new Dimension(widthPx, heightPx));
        draw(chart, g2, widthPx, heightPx);
        Element root = g2.getRoot();
        root.setAttributeNS(null, "viewBox", "0 0 " + widthPx + " " + heightPx);
        root.setAttributeNS(XMLNS_NS, "xmlns:xlink", XLINK_NS);
        // serialised here rather than by SVGGraphics2D.stream, which adds a DOCTYPE pointing at the SVG 1.0 DTD on
        // w3.org; XML tools would then try to fetch it, so the file would not stand alone
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.METHOD, "xml");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.transform(new DOMSource(root), new StreamResult(out));
            out.write("\n");
        } catch (TransformerException e) {
            throw new IOException("writing the SVG document failed: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    private static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

    /** Draws the layout at its design size, scaled to fill {@code w × h}. */
    private static void draw(JFreeChart chart, Graphics2D g2, int w, int h) {
        double s = Math.max(MIN_SCALE, Math.min((double) w / DEFAULT_WIDTH_PX, (double) h / DEFAULT_HEIGHT_PX));
        g2.scale(s, s);
        Runnable restore = SmallPrint.legible(chart, s, w / s, h / s);
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, w / s, h / s));
        } finally {
            restore.run();
        }
    }

    private static void checkSize(int widthPx, int heightPx) {
        Checks.inRange("plot width", widthPx, MIN_SIZE_PX, MAX_SIZE_PX, "px");
        Checks.inRange("plot height", heightPx, MIN_SIZE_PX, MAX_SIZE_PX, "px");
    }
}
