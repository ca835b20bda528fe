package io.jenkins.plugins.mlops.engine.notify;

import io.jenkins.plugins.mlops.engine.model.Objective;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Draws the metric of each trial against the target as a PNG. A PNG rather than SVG because mail clients strip
 * inline SVG; drawn with java.awt in headless mode, so it works on servers and agents without a display.
 */
final class TrialChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 320;

    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 36;
    private static final int BOTTOM = 44;
    private static final Color LINE = new Color(0x0969da);
    private static final Color BEST = new Color(0x1a7f37);
    private static final Color TARGET = new Color(0xcf222e);
    private static final Color GRID = new Color(0xdddddd);

    private TrialChart() {
    }

    /** The chart of {@code state}'s trials as PNG bytes, or empty when no trial has a metric yet. */
    static Optional<byte[]> render(final ChainState state) {
        List<TrialRecord> measured = state.trials().stream().filter(t -> t.metric() != null
                && Double.isFinite(t.metric())).toList();
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, state, measured);
        }
        finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the trial chart as PNG", e);
        }
        return Optional.of(png.toByteArray());
    }

    private static void draw(final Graphics2D g, final ChainState state, final List<TrialRecord> measured) {
        Objective objective = state.objective();
        int bestNumber = state.best().map(TrialRecord::number).orElse(-1);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

        double low = Math.min(objective.target(), measured.stream().mapToDouble(TrialRecord::metric).min().orElseThrow());
        double high = Math.max(objective.target(), measured.stream().mapToDouble(TrialRecord::metric).max().orElseThrow());
        double pad = high - low == 0 ? Math.max(Math.abs(high) * 0.05, 0.01) : (high - low) * 0.1;
        Scale y = new Scale(low - pad, high + pad, HEIGHT - BOTTOM, TOP);
        int lastTrial = state.trials().stream().mapToInt(TrialRecord::number).max().orElseThrow();
        Scale x = new Scale(0.5, lastTrial + 0.5, LEFT, WIDTH - RIGHT);

        g.setColor(Color.DARK_GRAY);
        g.drawString(objective.metric() + " per trial", LEFT, TOP - 14);
        for (int tick = 0; tick <= 4; tick++) {
            double value = y.min + (y.max - y.min) * tick / 4;
            int py = y.pixel(value);
            g.setColor(GRID);
            g.drawLine(LEFT, py, WIDTH - RIGHT, py);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Formats.metric(value), 6, py + 4);
        }
        int step = Math.max(1, lastTrial / 12);
        for (int trial = 1; trial <= lastTrial; trial += step) {
            g.drawString(String.valueOf(trial), x.pixel(trial) - 4, HEIGHT - BOTTOM + 16);
        }
        g.drawString("trial", WIDTH / 2 - 12, HEIGHT - 8);

        int targetY = y.pixel(objective.target());
        g.setColor(TARGET);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f},
                0f));
        g.drawLine(LEFT, targetY, WIDTH - RIGHT, targetY);
        g.drawString("target " + Formats.metric(objective.target()), WIDTH - RIGHT - 90, targetY - 5);

        g.setStroke(new BasicStroke(2f));
        g.setColor(LINE);
        for (int i = 1; i < measured.size(); i++) {
            TrialRecord a = measured.get(i - 1);
            TrialRecord b = measured.get(i);
            g.drawLine(x.pixel(a.number()), y.pixel(a.metric()), x.pixel(b.number()), y.pixel(b.metric()));
        }
        g.setColor(TARGET);
        for (TrialRecord trial : state.trials()) {
            if (!measured.contains(trial)) {
                // A trial without a metric (failed, timed out) is a cross on the axis, so gaps are visible.
                int px = x.pixel(trial.number());
                int py = HEIGHT - BOTTOM;
                g.drawLine(px - 4, py - 4, px + 4, py + 4);
                g.drawLine(px - 4, py + 4, px + 4, py - 4);
            }
        }
        for (TrialRecord trial : measured) {
            boolean best = trial.number() == bestNumber;
            int r = best ? 6 : 4;
            g.setColor(best ? BEST : LINE);
            g.fillOval(x.pixel(trial.number()) - r, y.pixel(trial.metric()) - r, 2 * r, 2 * r);
        }
    }

    /** Maps values in [min, max] onto pixels in [from, to] (to may be smaller: y grows downwards). */
    private record Scale(double min, double max, int from, int to) {
        int pixel(final double value) {
            return (int) Math.round(from + (value - min) / (max - min) * (to - from));
        }
    }
}
