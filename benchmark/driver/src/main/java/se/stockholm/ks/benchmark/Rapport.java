package se.stockholm.ks.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

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
   * @param resultat the apps' results (application and reference, in any order)
   * @throws IOException when a file cannot be written
   */
  public static void skriv(Konfiguration konf, Map<String, String> maskin, List<Resultat> resultat) throws IOException {
    Resultat app = resultat.stream().filter(r -> r.kortnamn.equals("app")).findFirst().orElse(null);
    Resultat ref = resultat.stream().filter(r -> r.kortnamn.equals("referens")).findFirst().orElse(null);
    String del = tabell(konf, maskin, app, ref);
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
    Files.writeString(konf.svg(), svg(konf, app, ref));
  }

  private static String tabell(Konfiguration konf, Map<String, String> m, Resultat app, Resultat ref) {
    StringBuilder s = new StringBuilder(BORJAN).append("\n\n");
    s.append("**Körning ").append(m.get("tid")).append("**: ").append(m.get("karnor")).append(" kärnor (")
        .append(m.get("processor")).append("), ").append(m.get("minne")).append(" RAM, ").append(m.get("java"))
        .append(", ").append(m.get("postgresql")).append(". Belastning (loadavg 1/5/15 min) före: `")
        .append(m.get("belastningFore")).append("`, efter: `").append(m.get("belastningEfter")).append("`.\n\n");
    s.append("Kommando: `").append(konf.kommando()).append("` — storlekar: N = ").append(konf.livscykel())
        .append(" ärenden i livscykeln i kohorter om ").append(konf.kohort()).append(", ").append(konf.klienter())
        .append(" klienter; ").append(konf.startAntal()).append(" REST-starter per nivå ").append(konf.nivaer())
        .append("; Tasklist med ").append(konf.fa()).append(" och ").append(konf.oppna()).append(" öppna ärenden; uppslag med N och ")
        .append(konf.stangda()).append(" avslutade ärenden; ").append(konf.tasklistAnrop()).append(" Tasklist-anrop och ")
        .append(konf.uppslagAnrop()).append(" uppslag per mätning. JVM (båda apparna, ur Dockerfile): `JAVA_TOOL_OPTIONS=")
        .append(konf.javaToolOptions()).append("`")
        .append(konf.mallocArenaMax() == null ? "" : ", `MALLOC_ARENA_MAX=" + konf.mallocArenaMax() + "`").append(".\n\n");
    for (Resultat r : new Resultat[] {app, ref}) {
      if (r != null && r.fel != null) {
        s.append("**").append(r.namn).append(" avbröts:** `").append(r.fel.replace('`', '\'')).append("`\n\n");
      }
    }
    s.append("| Mått | Skrivelseprocessen | Referens (bar Camunda) | Kvot app/ref | Mål | Uppfyllt |\n");
    s.append("|---|---:|---:|---:|---|---|\n");
    for (int niva : konf.nivaer()) {
      boolean mal = niva == 8;
      rad(s, "REST-start, " + niva + " klient" + (niva == 1 ? "" : "er") + ": starter/s", app, ref,
          r -> start(r, niva, Latenser.Sammanfattning::perSekund), "%.1f",
          mal ? "≥ 0,67 × ref" : "", mal ? Bedomning.MINST_067 : null);
      rad(s, "REST-start, " + niva + ": p50 ms", app, ref, r -> start(r, niva, Latenser.Sammanfattning::p50), "%.1f", "", null);
      rad(s, "REST-start, " + niva + ": p99 ms", app, ref, r -> start(r, niva, Latenser.Sammanfattning::p99), "%.1f",
          mal ? "≤ 1,5 × ref" : "", mal ? Bedomning.HOGST_15 : null);
    }
    rad(s, "Livscykel: ärenden/s (N = " + (app != null ? app.livscykelArenden : konf.livscykel()) + ")", app, ref,
        r -> r.livscykelPerSek, "%.2f", "≥ 0,67 × ref", Bedomning.MINST_067);
    rad(s, "Livscykel: SQL-satser per ärende", app, ref, r -> r.satserPerArende, "%.0f", "", null);
    rad(s, "  varav select / insert / update / delete", app, ref, null, null, "", null);
    rad(s, "Livscykel: JDBC-anrop per ärende (en batch = ett)", app, ref, r -> r.anropPerArende, "%.0f", "", null);
    rad(s, "Livscykel: transaktioner per ärende", app, ref, r -> r.transaktionerPerArende, "%.1f", "", null);
    rad(s, "Livscykel: drivrutinens HTTP-anrop per ärende", app, ref, r -> r.httpPerArende, "%.1f", "", null);
    rad(s, "Tasklist, " + antal(app, r -> r.oppnaFa) + " öppna: p50 ms", app, ref, r -> lat(r.tasklistFa, true), "%.1f", "", null);
    rad(s, "Tasklist, " + antal(app, r -> r.oppnaFa) + " öppna: p99 ms", app, ref, r -> lat(r.tasklistFa, false), "%.1f", "", null);
    rad(s, "Tasklist, " + antal(app, r -> r.oppnaManga) + " öppna: p50 ms", app, ref, r -> lat(r.tasklistManga, true), "%.1f", "", null);
    rad(s, "Tasklist, " + antal(app, r -> r.oppnaManga) + " öppna: p99 ms", app, ref, r -> lat(r.tasklistManga, false), "%.1f", "", null);
    tillvaxt(s, "Tasklist: tillväxt p50 (många/få öppna)", app, ref, r -> kvot(lat(r.tasklistManga, true), lat(r.tasklistFa, true)),
        "≤ 2 (appens egen)", 2.0);
    tillvaxt(s, "Tasklist: tillväxt p99 (många/få öppna)", app, ref, r -> kvot(lat(r.tasklistManga, false), lat(r.tasklistFa, false)),
        "", 0);
    rad(s, "Uppslag, " + antal(app, r -> r.stangdaFa) + " avslutade: p50 ms", app, ref, r -> lat(r.uppslagFa, true), "%.1f", "", null);
    rad(s, "Uppslag, " + antal(app, r -> r.stangdaFa) + " avslutade: p99 ms", app, ref, r -> lat(r.uppslagFa, false), "%.1f", "", null);
    rad(s, "Uppslag, " + antal(app, r -> r.stangdaManga) + " avslutade: p50 ms", app, ref, r -> lat(r.uppslagManga, true), "%.1f", "", null);
    rad(s, "Uppslag, " + antal(app, r -> r.stangdaManga) + " avslutade: p99 ms", app, ref, r -> lat(r.uppslagManga, false), "%.1f", "", null);
    tillvaxt(s, "Uppslag: tillväxt p50 (många/få avslutade)", app, ref, r -> kvot(lat(r.uppslagManga, true), lat(r.uppslagFa, true)),
        "≤ 1,5 (appens egen)", 1.5);
    tillvaxt(s, "Uppslag: tillväxt p99 (många/få avslutade)", app, ref, r -> kvot(lat(r.uppslagManga, false), lat(r.uppslagFa, false)),
        "", 0);
    rad(s, "Start till redo (health UP), s", app, ref, r -> r.startSek, "%.1f", "≤ 1,5 × ref", Bedomning.HOGST_15);
    rad(s, "RSS efter start, MB", app, ref, r -> r.rssStartKb / 1024.0, "%.0f", "", null);
    rad(s, "RSS efter " + antal(app, r -> r.arendenVidMinne) + " ärenden, MB", app, ref, r -> r.rssEfterKb / 1024.0, "%.0f", "", null);
    rad(s, "RSS, högsta under körningen, MB", app, ref, r -> r.rssMaxKb / 1024.0, "%.0f", "< 768 (appen)", Bedomning.UNDER_768);
    rad(s, "Heap efter full GC, efter start, MB", app, ref, r -> r.heapStartKb / 1024.0, "%.0f", "", null);
    rad(s, "Heap efter full GC, efter " + antal(app, r -> r.arendenVidMinne) + " ärenden, MB", app, ref,
        r -> r.heapEfterKb / 1024.0, "%.0f", "", null);
    tillvaxt(s, "Heap: tillväxt (efter ärendena/efter start)", app, ref, r -> kvot(r.heapEfterKb, r.heapStartKb),
        "≤ 1,5 (appens egen)", 1.5);
    s.append("\n");
    if (app != null && app.kopieringSek > 0) {
      s.append(String.format(Locale.ROOT, "Massinläsningen av avslutade ärenden tog %.0f s i appen och %.0f s i referensen. ",
          app.kopieringSek, ref == null ? 0 : ref.kopieringSek));
    }
    if (app != null && app.jobbfel + (ref == null ? 0 : ref.jobbfel) > 0) {
      s.append("Jobb som drivrutinen körde och som misslyckades (utöver optimistisk låsning): ").append(app.jobbfel)
          .append(". ");
    }
    s.append("Råvärden: `target/benchmark/resultat.json`; apparnas loggar: `target/benchmark/*.log`.\n\n");
    s.append("![Latens mot samtidighet](").append(konf.rapport().getParent().relativize(konf.svg())).append(")\n\n");
    s.append(SLUTET);
    return s.toString();
  }

  private enum Bedomning { MINST_067, HOGST_15, UNDER_768 }

  private static String antal(Resultat r, java.util.function.ToLongFunction<Resultat> f) {
    return r == null ? "?" : String.format(Locale.forLanguageTag("sv"), "%,d", f.applyAsLong(r)).replace('\u00a0', ' ');
  }

  private static double start(Resultat r, int niva, ToDoubleFunction<Latenser.Sammanfattning> f) {
    Latenser.Sammanfattning x = r.starter.get(niva);
    return x == null ? Double.NaN : f.applyAsDouble(x);
  }

  private static double lat(Latenser.Sammanfattning x, boolean p50) {
    return x == null ? Double.NaN : p50 ? x.p50() : x.p99();
  }

  private static double kvot(double a, double b) {
    return b == 0 || Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : a / b;
  }

  private static String tal(double v, String format) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v).replace('.', ',');
  }

  private static void rad(StringBuilder s, String namn, Resultat app, Resultat ref, ToDoubleFunction<Resultat> f,
                          String format, String mal, Bedomning bedomning) {
    if (f == null) {
      s.append("| ").append(namn).append(" | ").append(typer(app)).append(" | ").append(typer(ref)).append(" | | | |\n");
      return;
    }
    double a = app == null ? Double.NaN : f.applyAsDouble(app);
    double r = ref == null ? Double.NaN : f.applyAsDouble(ref);
    double k = kvot(a, r);
    String uppfyllt = "";
    if (bedomning != null) {
      boolean ok = switch (bedomning) {
        case MINST_067 -> k >= 0.67;
        case HOGST_15 -> k <= 1.5;
        case UNDER_768 -> a < 768;
      };
      uppfyllt = Double.isNaN(bedomning == Bedomning.UNDER_768 ? a : k) ? "–" : ok ? "**uppfyllt**" : "**missat**";
    }
    s.append("| ").append(namn).append(" | ").append(tal(a, format)).append(" | ").append(tal(r, format)).append(" | ")
        .append(tal(k, "%.2f")).append(" | ").append(mal).append(" | ").append(uppfyllt).append(" |\n");
  }

  private static String typer(Resultat r) {
    if (r == null || r.satsTyperPerArende.isEmpty()) {
      return "–";
    }
    Map<String, Double> t = r.satsTyperPerArende;
    return String.format(Locale.ROOT, "%.0f / %.0f / %.0f / %.0f", t.get("select"), t.get("insert"), t.get("update"),
        t.get("delete"));
  }

  private static void tillvaxt(StringBuilder s, String namn, Resultat app, Resultat ref, ToDoubleFunction<Resultat> f,
                               String mal, double grans) {
    double a = app == null ? Double.NaN : f.applyAsDouble(app);
    double r = ref == null ? Double.NaN : f.applyAsDouble(ref);
    String uppfyllt = grans == 0 || Double.isNaN(a) ? "" : a <= grans ? "**uppfyllt**" : "**missat**";
    s.append("| ").append(namn).append(" | ").append(tal(a, "%.2f")).append(" | ").append(tal(r, "%.2f")).append(" | ")
        .append(tal(kvot(a, r), "%.2f")).append(" | ").append(mal).append(" | ").append(uppfyllt).append(" |\n");
  }

  /** Latency (p50 and p99, log scale) against concurrent clients, for both apps. */
  private static String svg(Konfiguration konf, Resultat app, Resultat ref) {
    int w = 720;
    int h = 440;
    int vx = 80;
    int hx = w - 200;
    int ty = 50;
    int by = h - 60;
    List<Integer> nivaer = konf.nivaer();
    double max = 1;
    double min = Double.MAX_VALUE;
    for (Resultat r : new Resultat[] {app, ref}) {
      if (r != null) {
        for (Latenser.Sammanfattning x : r.starter.values()) {
          max = Math.max(max, x.p99());
          min = Math.min(min, x.p50());
        }
      }
    }
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
    String[][] serier = {{"app", "p99", "#9b2335", ""}, {"app", "p50", "#9b2335", "6,4"}, {"referens", "p99", "#1b3a5c", ""},
        {"referens", "p50", "#1b3a5c", "6,4"}};
    for (String[] serie : serier) {
      Resultat r = serie[0].equals("app") ? app : ref;
      if (r == null || r.starter.isEmpty()) {
        continue;
      }
      List<String> punkter = new ArrayList<>();
      for (int i = 0; i < nivaer.size(); i++) {
        Latenser.Sammanfattning x = r.starter.get(nivaer.get(i));
        if (x != null) {
          double v = serie[1].equals("p99") ? x.p99() : x.p50();
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
          serie[0].equals("app") ? "Skrivelseprocessen" : "Referens", serie[1]));
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
