package dev.gapwise.gap.report;

import dev.gapwise.gap.family.FamilyCell;
import dev.gapwise.gap.family.FamilyReport;
import org.jfree.svg.SVGGraphics2D;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The family × group-pair heat map: each cell coloured by the lag now (green at 0 months through yellow to red at
 * 12 months or more), with the months and the benchmarks and models behind them written in it; grey cells say
 * "not enough data". Drawn directly on a {@link Graphics2D}, once for SVG and once for PNG.
 */
public final class FamilyHeatMap {
    private static final int LABEL_WIDTH = 330;
    private static final int CELL_WIDTH = 220;
    private static final int CELL_HEIGHT = 46;
    private static final int TOP = 92;
    private static final int BOTTOM = 78;
    private static final double RED_AT_MONTHS = 12;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private FamilyHeatMap() {
    }

    /** Writes {@code stem.svg} and {@code stem.png} into {@code dir}; returns both files. */
    public static List<Path> write(FamilyReport report, String subtitle, Path dir, String stem) {
        int width = Math.max(880, LABEL_WIDTH + CELL_WIDTH * report.comparisons().size() + 20);
        int height = TOP + CELL_HEIGHT * report.rows().size() + BOTTOM;
        try {
            Files.createDirectories(dir);
            SVGGraphics2D svg = new SVGGraphics2D(width, height);
            svg.setDefsKeyPrefix(stem + "-");
            draw(svg, report, subtitle, width);
            Path svgFile = dir.resolve(stem + ".svg");
            Files.writeString(svgFile, svg.getSVGDocument());
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D png = image.createGraphics();
            png.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            png.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            draw(png, report, subtitle, width);
            png.dispose();
            Path pngFile = dir.resolve(stem + ".png");
            ImageIO.write(image, "png", pngFile.toFile());
            return List.of(svgFile, pngFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the heat map to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void draw(Graphics2D g, FamilyReport report, String subtitle, int width) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, TOP + CELL_HEIGHT * report.rows().size() + BOTTOM);
        g.setColor(Color.BLACK);
        g.setFont(new Font("SansSerif", Font.BOLD, 16));
        centred(g, "Lag now by task family (months, method d)", width / 2, 26);
        g.setFont(new Font("SansSerif", Font.PLAIN, 11));
        centred(g, subtitle, width / 2, 46);
        g.setFont(new Font("SansSerif", Font.BOLD, 12));
        for (int c = 0; c < report.comparisons().size(); c++) {
            centred(g, report.comparisons().get(c).label(), LABEL_WIDTH + CELL_WIDTH * c + CELL_WIDTH / 2, TOP - 12);
        }
        for (int r = 0; r < report.rows().size(); r++) {
            FamilyReport.Row row = report.rows().get(r);
            int y = TOP + CELL_HEIGHT * r;
            g.setColor(Color.BLACK);
            g.setFont(new Font("SansSerif", Font.BOLD, 12));
            g.drawString(row.family().name(), 12, y + CELL_HEIGHT / 2 + 4);
            for (int c = 0; c < row.cells().size(); c++) {
                cell(g, row, row.cells().get(c), LABEL_WIDTH + CELL_WIDTH * c, y);
            }
        }
        int legendY = TOP + CELL_HEIGHT * report.rows().size() + 20;
        for (int i = 0; i <= 12; i++) {
            g.setColor(colour(i));
            g.fillRect(LABEL_WIDTH + i * 18, legendY, 18, 12);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font("SansSerif", Font.PLAIN, 10));
        g.drawString("0", LABEL_WIDTH, legendY + 26);
        g.drawString("6", LABEL_WIDTH + 6 * 18 + 4, legendY + 26);
        g.drawString("12+ months", LABEL_WIDTH + 12 * 18, legendY + 26);
        g.drawString("grey: not enough data (too few benchmarks with enough recently scored models in both groups)",
                LABEL_WIDTH, legendY + 42);
    }

    private static void cell(Graphics2D g, FamilyReport.Row row, FamilyCell cell, int x, int y) {
        boolean number = cell.supported() && cell.lagNow().isPresent();
        g.setColor(number ? colour(cell.lagNow().getAsDouble()) : new Color(0xdd, 0xdd, 0xdd));
        g.fillRect(x + 2, y + 2, CELL_WIDTH - 4, CELL_HEIGHT - 4);
        g.setColor(Color.BLACK);
        int centre = x + CELL_WIDTH / 2;
        String details = cell.counted().size() + " of " + row.family().benchmarks().size() + " benchmarks, "
                + cell.leaderModels() + "/" + cell.followerModels() + " models";
        if (number) {
            g.setFont(new Font("SansSerif", Font.BOLD, 14));
            centred(g, Format.months(cell.lagNow()) + " months", centre, y + 21);
        } else {
            g.setFont(new Font("SansSerif", Font.BOLD, 12));
            centred(g, "not enough data", centre, y + 21);
        }
        g.setFont(new Font("SansSerif", Font.PLAIN, 10));
        centred(g, details, centre, y + 36);
    }

    /** Green at 0 months, yellow at 6, red at 12 or more. */
    static Color colour(double months) {
        double t = Math.max(0, Math.min(1, months / RED_AT_MONTHS));
        Color green = new Color(0x4c, 0xaf, 0x50);
        Color yellow = new Color(0xff, 0xe0, 0x66);
        Color red = new Color(0xe5, 0x4b, 0x4b);
        return t < 0.5 ? mix(green, yellow, t * 2) : mix(yellow, red, (t - 0.5) * 2);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    private static void centred(Graphics2D g, String text, int x, int y) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, x - metrics.stringWidth(text) / 2, y);
    }
}
