package se.stockholm.ks.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the results: the generated part of docs/benchmarks.md (between the markers
 * {@value #BORJAN} and {@value #SLUTET}; the text around it is the project's own and is kept) and
 * the plot of latency against concurrency, docs/benchmark-latens.svg.
 */
public final class Rapport {

  /** Marks the start of the generated part. */
  public static final String BORJAN = "<!-- resultat: genereras av benchmark/run -->";
  /** Marks the end of the generated part. */
  public static final String SLUTET = "<!-- /resultat -->";

  private Rapport() {
  }

  /**
   * Writes the report and the plot.
   *
   * @param konf the settings
   * @param maskin the machine
   * @param resultat the apps' results (application and references, in any order)
   * @throws IOException when a file cannot be written
   */
  public static void skriv(Konfiguration konf, Map<String, String> maskin, List<Resultat> resultat) throws IOException {
    Resultat app = hitta(resultat, "app");
    Resultat form = hitta(resultat, "formreferens");
    Resultat ref = hitta(resultat, "referens");
    String del = tabell(konf, maskin, resultat, app, form, ref);
    Files.createDirectories(konf.rapport().getParent());
    String text = Files.exists(konf.rapport()) ? Files.readString(konf.rapport()) : "";
    int a = text.indexOf(BORJAN);
    int b = text.indexOf(SLUTET);
    if (a >= 0 && b > a) {
      text = text.substring(0, a) + del + text.substring(b + SLUTET.length());
    } else {
      text = "# Benchmark\n\n" + del + "\n";
    }
    Files.writeString(konf.rapport(), text);
    Files.createDirectories(konf.svg().getParent());
    Files.writeString(konf.svg(), svg(konf, app, ref, form));
  }

  private static Resultat hitta(List<Resultat> resultat, String kortnamn) {
    return resultat.stream().filter(r -> r.kortnamn.equals(kortnamn)).findFirst().orElse(null);
  }

  /** Median, smallest and largest of a measure's values (one per repetition). */
  record Stat(double median, double min, double max, int antal) {
    static Stat av(List<Double> v) {
      List<Double> s = v.stream().filter(x -> !Double.isNaN(x) && !Double.isInfinite(x)).sorted().toList();
      if (s.isEmpty()) {
        return new Stat(Double.NaN, Double.NaN, Double.NaN, 0);
      }
      int n = s.size();
      double med = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
      return new Stat(med, s.get(0), s.get(n - 1), n);
    }

    String text(String format) {
      if (antal == 0) {
        return "–";
      }
      String m = tal(median, format);
      return antal == 1 || tal(min, format).equals(tal(max, format)) ? m
          : m + " <small>(" + tal(min, format) + "–" + tal(max, format) + ")</small>";
    }
  }

  /** How a target is judged: on the app's own values or on a ratio, over the repetitions. */
  private enum Domare {
    /** the median ratio app/same-shape reference at least the limit */
    FORM_MINST,
    /** the median ratio app/minimal reference at least the limit */
    REF_MINST,
    /** the ratio app/minimal reference at least the limit in every repetition */
    REF_MINST_VARJE,
    /** the ratio app/minimal reference at most the limit in every repetition */
    REF_HOGST_VARJE,
    /** the median ratio app/minimal reference at most the limit */
    REF_HOGST,
    /** the app's own value at most the limit in every repetition */
    APP_HOGST_VARJE,
    /** the app's own median at most the limit */
    APP_HOGST
  }

  private static String tabell(Konfiguration konf, Map<String, String> m, List<Resultat> alla, Resultat app,
                               Resultat form, Resultat ref) {
    StringBuilder s = new StringBuilder(BORJAN).append("\n\n");
    s.append("**Körning ").append(m.get("tid")).append("**: ").append(m.get("karnor")).append(" kärnor (")
        .append(m.get("processor")).append("), ").append(m.get("minne")).append(" RAM, ").append(m.get("java"))
        .append(", ").append(m.get("postgresql")).append(". Maskinen delades med andra. Belastning (loadavg 1/5/15 min) före: `")
        .append(m.get("belastningFore")).append("`, efter: `").append(m.get("belastningEfter")).append("`; vid varje upprepning: ")
        .append(m.getOrDefault("belastningUnder", "–")).append(".\n\n");
    s.append("Kommando: `").append(konf.kommando()).append("` — storlekar: ").append(konf.upprepningar())
        .append(" upprepningar av varje fas, apparna omväxlande (ordningen vrids ett steg per upprepning); N = ")
        .append(konf.livscykel()).append(" ärenden per upprepning av livscykeln i kohorter om ").append(konf.kohort()).append(", ")
        .append(konf.klienter()).append(" klienter; ").append(konf.startAntal()).append(" REST-starter per nivå och upprepning ")
        .append(konf.nivaer()).append("; Tasklist med ").append(konf.fa()).append(" och ").append(konf.oppna())
        .append(" öppna ärenden; uppslag med livscykelns och ").append(konf.stangda()).append(" avslutade ärenden; ")
        .append(konf.tasklistAnrop()).append(" Tasklist-anrop och ").append(konf.uppslagAnrop())
        .append(" uppslag per mätning. JVM (alla appar, ur Dockerfile): `JAVA_TOOL_OPTIONS=")
        .append(konf.javaToolOptions()).append("`")
        .append(konf.mallocArenaMax() == null ? "" : ", `MALLOC_ARENA_MAX=" + konf.mallocArenaMax() + "`").append(".\n\n");
    for (Resultat r : alla) {
      if (r.fel != null) {
        s.append("**").append(r.namn).append(" avbröts:** `").append(r.fel.replace('`', '\'')).append("`\n\n");
      }
    }
    s.append("Varje värde är medianen av upprepningarna, med minsta–största inom parentes. En kvot tas inom varje "
        + "upprepning (apparnas mätningar samma fas, minuter isär) och medianen av kvoterna visas, med deras spridning.\n\n");
    s.append("| Mått | Skrivelseprocessen | Referens, samma form | Referens, minimal | app / samma form | app / minimal | Mål | Bedömning |\n");
    s.append("|---|---:|---:|---:|---:|---:|---|---|\n");
    Rader rader = new Rader(s, app, form, ref);
    for (int niva : konf.nivaer()) {
      boolean mal = niva == 8;
      String k = niva + " klient" + (niva == 1 ? "" : "er");
      rader.rad("REST-start, " + k + ": starter/s", "start." + niva + ".perSek", "%.1f",
          mal ? "≥ 0,8 × minimal, varje upprepning" : "", mal ? Domare.REF_MINST_VARJE : null, 0.8);
      rader.rad("REST-start, " + k + ": p50 ms", "start." + niva + ".p50", "%.1f", "", null, 0);
      rader.rad("REST-start, " + k + ": p99 ms", "start." + niva + ".p99", "%.1f",
          mal ? "≤ 1,3 × minimal, varje upprepning" : "", mal ? Domare.REF_HOGST_VARJE : null, 1.3);
    }
    rader.rad("Livscykel: ärenden/s", "livscykel.perSek", "%.2f", "≥ 0,6 × samma form", Domare.FORM_MINST, 0.6);
    rader.rad("Livscykel: ärenden/s (mot minimal)", "livscykel.perSek", "%.2f", "≥ 0,35 × minimal", Domare.REF_MINST, 0.35);
    rader.rad("Livscykel: uppgift slutförd → nästa synlig för nästa roll, p50 ms", "latens.p50", "%.0f", "", null, 0);
    rader.rad("Livscykel: uppgift slutförd → nästa synlig för nästa roll, p99 ms", "latens.p99", "%.0f",
        "≤ 1 000 ms, varje upprepning", Domare.APP_HOGST_VARJE, 1000);
    rader.rad("  antal mätta övergångar", "latens.antal", "%.0f", "", null, 0);
    java.util.Set<String> steg = new java.util.TreeSet<>();
    for (Resultat r : alla) {
      r.matt.keySet().stream().filter(n -> n.startsWith("latens.Task_") && n.endsWith(".p50"))
          .forEach(n -> steg.add(n.substring("latens.".length(), n.length() - ".p50".length())));
    }
    for (String t : steg) {
      rader.rad("  till " + t + ": p50 ms", "latens." + t + ".p50", "%.0f", "", null, 0);
      rader.rad("  till " + t + ": p99 ms", "latens." + t + ".p99", "%.0f", "", null, 0);
    }
    rader.rad("Livscykel: transaktioner per ärende", "livscykel.transaktioner", "%.1f", "", null, 0);
    rader.rad("Livscykel: SQL-satser per ärende", "livscykel.satser", "%.0f", "", null, 0);
    for (String typ : List.of("select", "insert", "update", "delete")) {
      rader.rad("  varav " + typ, "livscykel." + typ, "%.0f", "", null, 0);
    }
    rader.rad("Livscykel: JDBC-anrop per ärende (en batch = ett)", "livscykel.anrop", "%.0f", "", null, 0);
    rader.rad("Livscykel: asynkrona jobb per ärende", "livscykel.jobb", "%.1f", "", null, 0);
    rader.rad("Livscykel: timrar per ärende", "livscykel.timrar", "%.1f", "", null, 0);
    rader.rad("Livscykel: drivrutinens HTTP-anrop per ärende", "livscykel.httpPerArende", "%.1f", "", null, 0);
    String fa = antal(app, "oppnaFa");
    String manga = antal(app, "oppnaManga");
    rader.rad("Tasklist, " + fa + " öppna: p50 ms", "tasklistFa.p50", "%.1f", "", null, 0);
    rader.rad("Tasklist, " + fa + " öppna: p99 ms", "tasklistFa.p99", "%.1f", "", null, 0);
    rader.rad("Tasklist, " + manga + " öppna: p50 ms", "tasklistManga.p50", "%.1f", "≤ 150 ms", Domare.APP_HOGST, 150);
    rader.rad("Tasklist, " + manga + " öppna: p99 ms", "tasklistManga.p99", "%.1f", "", null, 0);
    rader.tillvaxt("Tasklist: tillväxt p50 (många/få öppna)", "tasklistManga.p50", "tasklistFa.p50", "≤ 3 (appens egen)", 3);
    rader.tillvaxt("Tasklist: tillväxt p99 (många/få öppna)", "tasklistManga.p99", "tasklistFa.p99", "", 0);
    String sf = antal(app, "stangdaFa");
    String sm = antal(app, "stangdaManga");
    rader.rad("Uppslag, " + sf + " avslutade: p50 ms", "uppslagFa.p50", "%.1f", "", null, 0);
    rader.rad("Uppslag, " + sf + " avslutade: p99 ms", "uppslagFa.p99", "%.1f", "", null, 0);
    rader.rad("Uppslag, " + sm + " avslutade: p50 ms", "uppslagManga.p50", "%.1f", "", null, 0);
    rader.rad("Uppslag, " + sm + " avslutade: p99 ms", "uppslagManga.p99", "%.1f", "", null, 0);
    rader.tillvaxt("Uppslag: tillväxt p50 (många/få avslutade)", "uppslagManga.p50", "uppslagFa.p50", "≤ 1,5 (appens egen)", 1.5);
    rader.rad("Start till redo (health UP), s", "startSek", "%.1f", "≤ 1,2 × minimal", Domare.REF_HOGST, 1.2);
    rader.rad("RSS efter start, MB", "rssStartMb", "%.0f", "", null, 0);
    rader.rad("RSS efter " + antal(app, "arendenVidMinne") + " ärenden, MB", "rssEfterMb", "%.0f", "", null, 0);
    rader.rad("RSS, högsta under körningen, MB", "rssMaxMb", "%.0f", "≤ 640 (appen)", Domare.APP_HOGST_VARJE, 640);
    rader.rad("Heap efter full GC, efter start, MB", "heapStartMb", "%.0f", "", null, 0);
    rader.rad("Heap efter full GC, efter ärendena, MB", "heapEfterMb", "%.0f", "", null, 0);
    rader.tillvaxt("Heap: tillväxt (efter ärendena/efter start)", "heapEfterMb", "heapStartMb", "≤ 1,5 (appens egen)", 1.5);
    s.append("\n");
    if (app != null && !app.varden("kopieringSek").isEmpty()) {
      s.append("Massinläsningen av avslutade ärenden tog ");
      List<String> delar = new ArrayList<>();
      for (Resultat r : alla) {
        delar.add(tal(Stat.av(r.varden("kopieringSek")).median(), "%.0f") + " s i " + r.namn);
      }
      s.append(String.join(", ", delar)).append(". ");
    }
    int jobbfel = alla.stream().mapToInt(r -> r.jobbfel).sum();
    if (jobbfel > 0) {
      s.append("Jobb som drivrutinen körde och som misslyckades (utöver optimistisk låsning): ").append(jobbfel).append(". ");
    }
    s.append("Råvärden (varje upprepning): `target/benchmark/resultat.json`; apparnas loggar: `target/benchmark/*.log`.\n\n");
    s.append("![Latens mot samtidighet](").append(konf.rapport().getParent().relativize(konf.svg())).append(")\n\n");
    s.append(SLUTET);
    return s.toString();
  }

  /** Writes the table's rows. */
  private record Rader(StringBuilder s, Resultat app, Resultat form, Resultat ref) {

    void rad(String namn, String matt, String format, String mal, Domare domare, double grans) {
      List<Double> a = varden(app, matt);
      List<Double> kf = kvoter(a, varden(form, matt));
      List<Double> kr = kvoter(a, varden(ref, matt));
      String bedomning = "";
      if (domare != null) {
        Stat sa = Stat.av(a);
        Stat sf = Stat.av(kf);
        Stat sr = Stat.av(kr);
        Boolean ok = switch (domare) {
          case FORM_MINST -> sf.antal() == 0 ? null : sf.median() >= grans;
          case REF_MINST -> sr.antal() == 0 ? null : sr.median() >= grans;
          case REF_MINST_VARJE -> sr.antal() == 0 ? null : sr.min() >= grans;
          case REF_HOGST_VARJE -> sr.antal() == 0 ? null : sr.max() <= grans;
          case REF_HOGST -> sr.antal() == 0 ? null : sr.median() <= grans;
          case APP_HOGST_VARJE -> sa.antal() == 0 ? null : sa.max() <= grans;
          case APP_HOGST -> sa.antal() == 0 ? null : sa.median() <= grans;
        };
        bedomning = ok == null ? "–" : ok ? "**uppfyllt**" : "**missat**";
      }
      s.append("| ").append(namn).append(" | ").append(Stat.av(a).text(format)).append(" | ")
          .append(Stat.av(varden(form, matt)).text(format)).append(" | ").append(Stat.av(varden(ref, matt)).text(format))
          .append(" | ").append(Stat.av(kf).text("%.2f")).append(" | ").append(Stat.av(kr).text("%.2f")).append(" | ")
          .append(mal).append(" | ").append(bedomning).append(" |\n");
    }

    void tillvaxt(String namn, String manga, String fa, String mal, double grans) {
      List<Double> a = kvoter(varden(app, manga), varden(app, fa));
      List<Double> f = kvoter(varden(form, manga), varden(form, fa));
      List<Double> r = kvoter(varden(ref, manga), varden(ref, fa));
      Stat sa = Stat.av(a);
      String bedomning = grans == 0 || sa.antal() == 0 ? "" : sa.median() <= grans ? "**uppfyllt**" : "**missat**";
      s.append("| ").append(namn).append(" | ").append(sa.text("%.2f")).append(" | ").append(Stat.av(f).text("%.2f"))
          .append(" | ").append(Stat.av(r).text("%.2f")).append(" | | | ").append(mal).append(" | ").append(bedomning)
          .append(" |\n");
    }

    private static List<Double> varden(Resultat r, String matt) {
      return r == null ? List.of() : r.varden(matt);
    }

    /** Ratios within each repetition (the same index), as far as both have values. */
    private static List<Double> kvoter(List<Double> a, List<Double> b) {
      List<Double> k = new ArrayList<>();
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        k.add(kvot(a.get(i), b.get(i)));
      }
      return k;
    }
  }

  private static String antal(Resultat r, String matt) {
    if (r == null || r.varden(matt).isEmpty()) {
      return "?";
    }
    return String.format(Locale.forLanguageTag("sv"), "%,d", r.varden(matt).get(0).longValue()).replace('\u00a0', ' ');
  }

  private static double kvot(double a, double b) {
    return b == 0 || Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : a / b;
  }

  private static String tal(double v, String format) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v).replace('.', ',');
  }

  /** Latency (p50 and p99, log scale) against concurrent clients, for each app (medians of the repetitions). */
  private static String svg(Konfiguration konf, Resultat app, Resultat ref, Resultat form) {
    int w = 720;
    int h = 440;
    int vx = 80;
    int hx = w - 200;
    int ty = 50;
    int by = h - 60;
    List<Integer> nivaer = konf.nivaer();
    double max = 1;
    double min = Double.MAX_VALUE;
    for (Resultat r : new Resultat[] {app, ref, form}) {
      if (r != null) {
        for (int niva : nivaer) {
          max = Math.max(max, Stat.av(r.varden("start." + niva + ".p99")).max());
          min = Math.min(min, Stat.av(r.varden("start." + niva + ".p50")).min());
        }
      }
    }
    max = Double.isNaN(max) ? 1 : max;
    double lo = Math.pow(10, Math.floor(Math.log10(Math.max(0.1, min == Double.MAX_VALUE ? 1 : min))));
    double hi = Math.pow(10, Math.ceil(Math.log10(max)));
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append("<text x=\"").append(w / 2 - 100).append("\" y=\"25\" font-size=\"15\" text-anchor=\"middle\">")
        .append("REST-start (POST): latens mot samtidiga klienter</text>\n");
    for (double v = lo; v <= hi * 1.0001; v *= 10) {
      for (int m = 1; m < 10; m++) {
        double t = v * m;
        if (t > hi * 1.0001) {
          break;
        }
        double y = y(t, lo, hi, ty, by);
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n", vx, hx, y, y,
            m == 1 ? "#bbb" : "#eee"));
        if (m == 1) {
          s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n", vx - 6, y + 4,
              t >= 1 ? String.format(Locale.ROOT, "%.0f", t) : String.format(Locale.ROOT, "%.1f", t)));
        }
      }
    }
    for (int i = 0; i < nivaer.size(); i++) {
      double x = x(i, nivaer.size(), vx, hx);
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>%n", x, x, ty, by));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", x, by + 18, nivaer.get(i)));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">samtidiga klienter</text>%n",
        (vx + hx) / 2, by + 40));
    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
        vx, ty, hx - vx, by - ty));
    int legend = 0;
    String[][] serier = {{"app", "p99", "#9b2335", ""}, {"app", "p50", "#9b2335", "6,4"},
        {"formreferens", "p99", "#2e7d32", ""}, {"formreferens", "p50", "#2e7d32", "6,4"},
        {"referens", "p99", "#1b3a5c", ""}, {"referens", "p50", "#1b3a5c", "6,4"}};
    for (String[] serie : serier) {
      Resultat r = switch (serie[0]) {
        case "app" -> app;
        case "formreferens" -> form;
        default -> ref;
      };
      if (r == null || r.varden("start." + nivaer.get(0) + ".p50").isEmpty()) {
        continue;
      }
      List<String> punkter = new ArrayList<>();
      for (int i = 0; i < nivaer.size(); i++) {
        Stat x = Stat.av(r.varden("start." + nivaer.get(i) + "." + serie[1]));
        if (x.antal() > 0) {
          double v = x.median();
          punkter.add(String.format(Locale.ROOT, "%.1f,%.1f", x(i, nivaer.size(), vx, hx), y(v, lo, hi, ty, by)));
        }
      }
      s.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(serie[2]).append("\" stroke-dasharray=\"")
          .append(serie[3]).append("\" points=\"").append(String.join(" ", punkter)).append("\"/>\n");
      for (String p : punkter) {
        String[] xy = p.split(",");
        s.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"3.5\" fill=\"")
            .append(serie[2]).append("\"/>\n");
      }
      int ly = ty + 20 + legend++ * 22;
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2.5\" "
          + "stroke-dasharray=\"%s\"/>%n", hx + 15, hx + 45, ly, ly, serie[2], serie[3]));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s %s</text>%n", hx + 52, ly + 4,
          switch (serie[0]) {
            case "app" -> "Skrivelseprocessen";
            case "formreferens" -> "Ref. samma form";
            default -> "Ref. minimal";
          }, serie[1]));
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static double x(int i, int antal, int vx, int hx) {
    return antal == 1 ? (vx + hx) / 2.0 : vx + 40 + i * (hx - vx - 80) / (double) (antal - 1);
  }

  private static double y(double v, double lo, double hi, int ty, int by) {
    double f = (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
    return by - f * (by - ty);
  }
}
