package org.ketaminepk.cli.chart;

import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CountDownLatch;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.ketaminepk.base.Checks;
import org.ketaminepk.base.InvalidInputException;

/**
 * Shows a chart in a Swing window, for {@code --show}. The window opens at up to 1600 × 900 px (less on a small
 * screen); a window smaller than that draws the layout scaled down, as {@link ChartFiles} does, rather than
 * crowding it.
 *
 * <p>Not usable without a display: on a headless system (a server, a container, {@code java.awt.headless=true})
 * it refuses with an {@link InvalidInputException} that suggests writing a file instead.
 */
public final class ChartWindow {
    private ChartWindow() {
    }

    /**
     * Opens a window with the chart and returns when the user closes it, so that a command-line program may exit
     * afterwards. Called on the Swing event thread it cannot wait, and returns as soon as the window is open.
     *
     * @param chart the chart
     * @param title the window title
     * @throws InvalidInputException on a headless system
     */
    public static void show(JFreeChart chart, String title) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new InvalidInputException("show", "--show needs a display; use --plot FILE.png");
        }
        Checks.notNull("chart", chart);
        CountDownLatch closed = new CountDownLatch(1);
        Runnable open = () -> {
            JFrame frame = new JFrame(title == null ? "ketamine-pk" : title);
            frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            ChartPanel panel = new ChartPanel(chart, false);
            // below this size the panel scales the drawing down instead of squeezing the layout
            panel.setMinimumDrawWidth(ChartFiles.DEFAULT_WIDTH_PX);
            panel.setMinimumDrawHeight(ChartFiles.DEFAULT_HEIGHT_PX);
            panel.setMaximumDrawWidth(ChartFiles.MAX_SIZE_PX);
            panel.setMaximumDrawHeight(ChartFiles.MAX_SIZE_PX);
            Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
            double fit = Math.min(1, Math.min(0.9 * screen.width / ChartFiles.DEFAULT_WIDTH_PX,
                    0.9 * screen.height / ChartFiles.DEFAULT_HEIGHT_PX));
            panel.setPreferredSize(new Dimension((int) (ChartFiles.DEFAULT_WIDTH_PX * fit),
                    (int) (ChartFiles.DEFAULT_HEIGHT_PX * fit)));
            frame.setContentPane(panel);
            frame.addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                    closed.countDown();
                }
            });
            frame.pack();
            frame.setLocationRelativeTo(null);
            frame.setVisible(true);
        };
        try {
            if (SwingUtilities.isEventDispatchThread()) {
                // called from the event thread: cannot wait here without freezing the window
                open.run();
                return;
            }
            SwingUtilities.invokeAndWait(open);
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("opening the chart window failed", e.getCause());
        }
    }
}
