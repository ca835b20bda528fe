package io.jenkins.plugins.mlops.engine.report;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.StepRecord;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.util.HtmlEscaper;
import java.util.Locale;

/**
 * The chain of the seven steps as Jenkins' pipeline view draws it: one box per step in its state colour with the
 * duration and summary, arrows between them, and the train → check → tweak loop drawn back under the boxes with the
 * number of trials. Steps that did not run are grey, dashed boxes.
 */
final class PipelineSvg {
    static final int WIDTH = 1180;
    private static final int BOX_WIDTH = 142;
    private static final int BOX_HEIGHT = 86;
    private static final int GAP = 24;
    private static final int TOP = 14;
    private static final int HEIGHT = TOP + BOX_HEIGHT + 52;
    private static final int LEFT = (WIDTH - (7 * BOX_WIDTH + 6 * GAP)) / 2;

    private PipelineSvg() {
    }

    static String render(final ChainState state) {
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg class=\"pipeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"pipeline of the run\" ")
                .append(Svg.FONT).append(">");
        svg.append("<defs><marker id=\"mlops-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#6e7781\"/>"
                + "</marker></defs>");
        Step[] steps = Step.values();
        for (int i = 0; i + 1 < steps.length; i++) {
            double y = TOP + BOX_HEIGHT / 2.0;
            svg.append("<line x1=\"").append(Svg.n(left(i) + BOX_WIDTH)).append("\" y1=\"").append(Svg.n(y))
                    .append("\" x2=\"").append(Svg.n(left(i + 1) - 2)).append("\" y2=\"").append(Svg.n(y))
                    .append("\" stroke=\"#6e7781\" stroke-width=\"2\" marker-end=\"url(#mlops-arrow)\"/>");
        }
        appendLoop(svg, state.trials().size());
        for (int i = 0; i < steps.length; i++) {
            StepRecord record = state.step(steps[i]).orElse(
                    new StepRecord(steps[i], StepState.NOT_RUN, null, 0, 0, null));
            appendBox(svg, left(i), record);
        }
        return svg.append("</svg>").toString();
    }

    private static int left(final int index) {
        return LEFT + index * (BOX_WIDTH + GAP);
    }

    private static void appendLoop(final StringBuilder svg, final int trials) {
        double from = left(Step.TWEAK.ordinal()) + BOX_WIDTH / 2.0;
        double to = left(Step.TRAIN.ordinal()) + BOX_WIDTH / 2.0;
        double bottom = TOP + BOX_HEIGHT;
        double low = bottom + 44;
        String colour = trials > 1 ? "#2670c7" : "#8c959f";
        svg.append("<g class=\"loop\" data-trials=\"").append(trials).append("\">");
        svg.append("<path d=\"M").append(Svg.n(from)).append(',').append(Svg.n(bottom + 2)).append(" C")
                .append(Svg.n(from)).append(',').append(Svg.n(low)).append(' ').append(Svg.n(to)).append(',')
                .append(Svg.n(low)).append(' ').append(Svg.n(to)).append(',').append(Svg.n(bottom + 4))
                .append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"2\" stroke-dasharray=\"6 4\" marker-end=\"url(#mlops-arrow)\"/>");
        double middle = (from + to) / 2;
        String label = "\u21bb loop: " + trials + (trials == 1 ? " trial" : " trials");
        svg.append("<rect x=\"").append(Svg.n(middle - 62)).append("\" y=\"").append(Svg.n(low - 22))
                .append("\" width=\"124\" height=\"22\" rx=\"11\" fill=\"#ffffff\" stroke=\"").append(colour)
                .append("\"/>");
        svg.append(Svg.text(middle, low - 7, "text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\" fill=\""
                + colour + "\"", label));
        svg.append("</g>");
    }

    private static void appendBox(final StringBuilder svg, final int x, final StepRecord record) {
        Palette palette = Palette.of(record.state());
        boolean ran = record.state() != StepState.NOT_RUN && record.state() != StepState.SKIPPED;
        String name = record.step().name().charAt(0) + record.step().name().substring(1).toLowerCase(Locale.ROOT);
        svg.append("<g class=\"step\" data-step=\"").append(record.step()).append("\" data-state=\"")
                .append(record.state()).append("\">");
        svg.append("<title>").append(HtmlEscaper.escape(name + ": " + word(record.state())
                + (record.summary() == null ? "" : " \u2014 " + record.summary()))).append("</title>");
        svg.append("<rect x=\"").append(x).append("\" y=\"").append(TOP).append("\" width=\"").append(BOX_WIDTH)
                .append("\" height=\"").append(BOX_HEIGHT).append("\" rx=\"6\" fill=\"").append(palette.fill())
                .append("\" stroke=\"").append(palette.stroke()).append("\" stroke-width=\"1.5\"")
                .append(ran ? "" : " stroke-dasharray=\"5 3\"").append("/>");
        svg.append("<path d=\"M").append(x).append(',').append(TOP + 6).append(" V").append(TOP + 6)
                .append(" Q").append(x).append(',').append(TOP).append(' ').append(x + 6).append(',').append(TOP)
                .append(" H").append(x + BOX_WIDTH - 6).append(" Q").append(x + BOX_WIDTH).append(',').append(TOP)
                .append(' ').append(x + BOX_WIDTH).append(',').append(TOP + 6).append(" Z\" fill=\"")
                .append(palette.stroke()).append("\"/>");
        appendIcon(svg, x + 18, TOP + 27, record.state(), palette);
        svg.append(Svg.text(x + 33, TOP + 32, "font-size=\"15\" font-weight=\"700\" fill=\"" + Svg.TEXT_COLOUR
                + "\"", name));
        if (record.runs() > 1) {
            svg.append("<rect x=\"").append(x + BOX_WIDTH - 36).append("\" y=\"").append(TOP + 16)
                    .append("\" width=\"28\" height=\"18\" rx=\"9\" fill=\"").append(palette.stroke()).append("\"/>");
            svg.append(Svg.text(x + BOX_WIDTH - 22, TOP + 29, "class=\"runs\" text-anchor=\"middle\" font-size=\"11\" "
                    + "font-weight=\"700\" fill=\"#ffffff\"", "\u00d7" + record.runs()));
        }
        String status = ran ? word(record.state()) + " \u00b7 " + Durations.format(record.durationMillis())
                : word(record.state());
        svg.append(Svg.text(x + 10, TOP + 56, "font-size=\"12\" fill=\"" + palette.stroke() + "\" font-weight=\"600\"",
                status));
        svg.append(Svg.text(x + 10, TOP + 74, "class=\"summary\" font-size=\"11.5\" fill=\"" + Svg.MUTED_COLOUR + "\"",
                Svg.shorten(record.summary(), 21)));
        svg.append("</g>");
    }

    /** A drawn status icon (no font glyphs, which headless or locked-down systems may lack). */
    private static void appendIcon(final StringBuilder svg, final int cx, final int cy, final StepState state,
            final Palette palette) {
        svg.append("<circle cx=\"").append(cx).append("\" cy=\"").append(cy).append("\" r=\"9\" fill=\"")
                .append(palette.stroke()).append("\"/>");
        String mark = switch (state) {
            case SUCCESS -> "M" + (cx - 4) + "," + cy + " L" + (cx - 1) + "," + (cy + 3) + " L" + (cx + 4) + ","
                    + (cy - 3);
            case FAILED -> "M" + (cx - 3) + "," + (cy - 3) + " L" + (cx + 3) + "," + (cy + 3) + " M" + (cx + 3) + ","
                    + (cy - 3) + " L" + (cx - 3) + "," + (cy + 3);
            case UNSTABLE -> "M" + cx + "," + (cy - 5) + " L" + cx + "," + (cy + 1) + " M" + cx + "," + (cy + 3.5)
                    + " L" + cx + "," + (cy + 4);
            case SKIPPED, NOT_RUN -> "M" + (cx - 4) + "," + cy + " L" + (cx + 4) + "," + cy;
        };
        svg.append("<path d=\"").append(mark).append("\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"2.2\" "
                + "stroke-linecap=\"round\" stroke-linejoin=\"round\"/>");
    }

    private static String word(final StepState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
