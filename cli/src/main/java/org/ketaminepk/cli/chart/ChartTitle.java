package org.ketaminepk.cli.chart;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;

import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.event.TitleChangeEvent;
import org.jfree.chart.text.G2TextMeasurer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.Size2D;
import org.jfree.chart.ui.VerticalAlignment;

/**
 * A title, subtitle or caption line whose lines never break inside a numeric range ("70–160 ng/mL"). JFreeChart
 * wraps a {@link TextTitle} wherever {@link java.text.BreakIterator} allows, after an en dash included; this title
 * wraps its text with {@link ChartText#wrap} at the width the chart gives it, each time it is laid out, and hands
 * JFreeChart the lines with explicit line breaks, which it keeps. Text without a range wraps into the lines JFreeChart
 * makes itself, so such a title draws as a plain {@link TextTitle} does. {@link #getText()} is the text as given.
 * Titles on the left or right edge, drawn vertically, are not wrapped.
 */
final class ChartTitle extends TextTitle {
    private static final long serialVersionUID = 1L;

    /** The text as given, before the line breaks of the last layout. */
    private String given;
    /** Set while the laid-out lines replace the text: not a change a listener needs to hear of. */
    private transient boolean laying;

    /**
     * @param text the text, as {@link ChartText#unbreakable} returns it
     * @param font the font
     */
    ChartTitle(String text, Font font) {
        super(text, font);
        this.given = text;
    }

    /**
     * As {@link TextTitle#TextTitle(String, Font, Paint, RectangleEdge, HorizontalAlignment, VerticalAlignment,
     * RectangleInsets)}.
     */
    ChartTitle(String text, Font font, Paint paint, RectangleEdge position, HorizontalAlignment horizontalAlignment,
            VerticalAlignment verticalAlignment, RectangleInsets padding) {
        super(text, font, paint, position, horizontalAlignment, verticalAlignment, padding);
        this.given = text;
    }

    @Override
    public String getText() {
        return given;
    }

    @Override
    public void setText(String text) {
        given = text;
        super.setText(text);
    }

    @Override
    public Size2D arrange(Graphics2D g2, RectangleConstraint constraint) {
        RectangleEdge edge = getPosition();
        if (edge == RectangleEdge.TOP || edge == RectangleEdge.BOTTOM) {
            RectangleConstraint c = toContentConstraint(constraint);
            // the width TextTitle wraps at for each kind of constraint
            float width = c.getWidthConstraintType() == LengthConstraintType.FIXED ? (float) c.getWidth()
                    : c.getWidthConstraintType() == LengthConstraintType.RANGE
                            ? (float) c.getWidthRange().getUpperBound() : Float.MAX_VALUE;
            g2.setFont(getFont());
            String lines = String.join("\n", ChartText.wrap(given, width, new G2TextMeasurer(g2)));
            laying = true;
            try {
                super.setText(lines);
            } finally {
                laying = false;
            }
        }
        return super.arrange(g2, constraint);
    }

    @Override
    protected void notifyListeners(TitleChangeEvent event) {
        if (!laying) {
            super.notifyListeners(event);
        }
    }
}
