package se.stockholm.ks.bevakning;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.stockholm.ks.bevakning.Bevakning.Milstolpe;

/**
 * The bevakning benchmark (issue 20): fills the running application's PostgreSQL database with closed
 * ärenden as the process leaves them (2016 to last year: the diarium row, the events the lead times
 * read and the others of a closed case, BRB and KS meetings with every ärende on their lists), then
 * times {@code GET /api/v1/bevakning} and {@code /api/v1/bevakning/ledtider} over HTTP, as a client
 * does, prints p50/p99, and shows the plans of the lead-time queries (EXPLAIN ANALYZE) with the V18
 * index and, for comparison, without it.
 *
 * <p>Arguments: JDBC URL, number of closed ärenden, the application's base URL, user, password.
 */
public final class Bevakningsmatning {

  private static final String[] AMNEN = {"skolans lokaler", "äldreomsorgen", "cykelbanor", "bostadsbyggande",
      "parkering", "kollektivtrafiken", "förskolor", "idrottsplatser", "trygghet", "belysning"};
  private static final String[] PARTIER = {"S", "M", "V", "L", "MP", "C", "KD", "SD"};

  private Bevakningsmatning() {
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int antal = Integer.parseInt(args[1]);
    String bas = args[2];
    String auth = "Basic " + Base64.getEncoder().encodeToString((args[3] + ":" + args[4]).getBytes(StandardCharsets.UTF_8));
    int varv = Integer.parseInt(System.getProperty("bench.varv", "50"));
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);

    JdbcClient jdbc = JdbcClient.create(ds);
    long redan = jdbc.sql("select count(*) from arende where id >= 1000000").query(Long.class).single();
    if (redan >= antal) {
      System.out.printf("%,d stängda ärenden finns redan i databasen (BENCH_BEHALL=1): inget laddas%n", redan);
    } else {
      long t0 = System.nanoTime();
      int[] rader;
      try (Connection c = ds.getConnection()) {
        rader = ladda(c, antal);
      }
      try (Connection c = ds.getConnection(); var s = c.createStatement()) {
        for (String t : List.of("arende", "arende_handelse", "sammantrade", "sammantrade_arende")) {
          s.execute("vacuum analyze " + t);
        }
      }
      System.out.printf("Laddat %,d stängda ärenden, %,d händelser, %,d sammanträden med %,d punkter på %.1f s%n", antal,
          rader[0], rader[1], rader[2], (System.nanoTime() - t0) / 1e9);
    }
    System.out.println(last());
    System.out.println(jdbc.sql("select 'arende ' || pg_size_pretty(pg_total_relation_size('arende')) || ', arende_handelse '"
        + " || pg_size_pretty(pg_total_relation_size('arende_handelse')) || ' (med index)'").query(String.class).single());

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    int senaste = LocalDate.now().getYear() - 1;
    Map<String, String> anrop = new LinkedHashMap<>();
    anrop.put("läget (faser, remisser, uttalanden, sammanträden)", "/api/v1/bevakning");
    anrop.put("ledtider, en månad", "/api/v1/bevakning/ledtider?fran=" + senaste + "-03-01&till=" + senaste + "-03-31");
    anrop.put("ledtider, ett år", "/api/v1/bevakning/ledtider?fran=" + senaste + "-01-01&till=" + senaste + "-12-31");
    anrop.put("ledtider, fem år", "/api/v1/bevakning/ledtider?fran=" + (senaste - 4) + "-01-01&till=" + senaste + "-12-31");
    anrop.put("ledtider, tio år (största period)", "/api/v1/bevakning/ledtider?fran=" + (senaste - 9) + "-01-01&till="
        + senaste + "-12-31");
    mat(http, bas, auth, anrop, varv, "med V18:s index");
    System.out.println(last());

    String ar = senaste + "";
    Map<String, Object> p = Map.of("fran", LocalDate.parse(ar + "-01-01"), "till", LocalDate.parse(ar + "-12-31"),
        "statusar", Bevakning.RAKNADE_STATUSAR, "typer",
        java.util.Arrays.stream(Milstolpe.values()).map(m -> m.handelse().name()).toList());
    forklara(jdbc, "Periodens ärenden (ett år)", Bevakning.LEDTIDER_ARENDEN, p);
    forklara(jdbc, "Milstolparnas händelser (ett år)", Bevakning.LEDTIDER_HANDELSER, p);

    if (!Boolean.getBoolean("bench.utanJamforelse")) {
      jdbc.sql("drop index ix_handelse_milstolpe").update();
      jdbc.sql("analyze arende_handelse").update();
      try {
        Map<String, String> ledtider = new LinkedHashMap<>(anrop);
        ledtider.remove("läget (faser, remisser, uttalanden, sammanträden)");
        mat(http, bas, auth, ledtider, Math.max(10, varv / 5), "UTAN V18:s index (jämförelse)");
        forklara(jdbc, "Milstolparnas händelser (ett år) utan V18:s index", Bevakning.LEDTIDER_HANDELSER, p);
      } finally {
        // as V18 creates it on PostgreSQL
        jdbc.sql("create index ix_handelse_milstolpe on arende_handelse (arende_id, handelsetyp, tid) where handelsetyp in ("
            + String.join(", ", db.migration.V18__Bevakningsindex.MILSTOLPAR.stream().map(t -> "'" + t + "'").toList())
            + ")").update();
        jdbc.sql("analyze arende_handelse").update();
      }
    }
  }

  private static void mat(HttpClient http, String bas, String auth, Map<String, String> anrop, int varv, String rubrik)
      throws Exception {
    System.out.printf("%n%s%n%-52s %6s %8s %8s %8s %8s%n", rubrik, "Anrop (efter 3 uppvärmningar)", "gånger",
        "ärenden", "p50 ms", "p99 ms", "max ms");
    for (var a : anrop.entrySet()) {
      // the periods of five and ten years read half and all of the ärenden: fewer rounds
      int n = a.getKey().contains("år (") || a.getKey().contains("fem år") ? Math.max(10, varv / 5) : varv;
      HttpRequest req = HttpRequest.newBuilder(URI.create(bas + a.getValue())).header("Authorization", auth)
          .header("Accept", "application/json").timeout(Duration.ofSeconds(120)).GET().build();
      String svar = "";
      List<Double> tider = new ArrayList<>();
      for (int i = 0; i < n + 3; i++) {
        long s = System.nanoTime();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - s) / 1e6;
        if (r.statusCode() != 200) {
          throw new IllegalStateException(a.getValue() + ": " + r.statusCode() + " " + r.body());
        }
        svar = r.body();
        if (i >= 3) {
          tider.add(ms);
        }
      }
      var m = java.util.regex.Pattern.compile("\"arenden\":(\\d+)").matcher(svar);
      System.out.printf("%-52s %6d %8s %8.1f %8.1f %8.1f%n", a.getKey(), n, m.find() ? m.group(1) : "–", p(tider, 50),
          p(tider, 99), p(tider, 100));
    }
  }

  private static void forklara(JdbcClient jdbc, String rubrik, String sql, Map<String, Object> p) {
    System.out.printf("%nEXPLAIN (ANALYZE, BUFFERS): %s%n", rubrik);
    var fraga = jdbc.sql("explain (analyze, buffers) " + sql);
    for (var e : p.entrySet()) {
      if (sql.contains(":" + e.getKey())) {
        fraga = fraga.param(e.getKey(), e.getValue());
      }
    }
    fraga.query(String.class).list().forEach(rad -> System.out.println("  " + rad));
  }

  /** @return the machine's load average (1, 5, 15 minutes), for the record next to the numbers */
  static String last() {
    try {
      return "Lastmedelvärde (1, 5, 15 min): " + java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "Lastmedelvärde: okänt";
    }
  }

  static double p(List<Double> tider, int percentil) {
    List<Double> s = tider.stream().sorted().toList();
    int i = (int) Math.ceil(percentil / 100.0 * s.size()) - 1;
    return s.get(Math.max(0, Math.min(s.size() - 1, i)));
  }

  /**
   * Closed ärenden from 2016 to last year, as the process leaves them: registered, fördelat, remitterat,
   * a tjänsteutlåtande in, the promemoria, on BRB's list and tillstyrkt, the ärendedokument, KS's beslut,
   * the protokoll justerat and anslaget, laga kraft, avslutat (2 % återkallade before BRB); each on the
   * lists of a BRB and a KS meeting (every other Thursday), the meetings anslagna.
   *
   * @return events, meetings and list entries loaded
   */
  static int[] ladda(Connection c, int antal) throws Exception {
    var copy = ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI();
    long forstaId;
    try (var s = c.createStatement(); var rs = s.executeQuery("select coalesce(max(id), 0) + 1000000 from arende")) {
      rs.next();
      forstaId = rs.getLong(1);
    }
    Random r = new Random(20);
    int sistaAr = LocalDate.now().getYear() - 1;
    int forstaAr = sistaAr - 9;
    // the meetings: BRB every other Thursday, KS the Thursday after (the plan's Wednesdays stay free for the demo cases)
    Map<LocalDate, Long> brb = new LinkedHashMap<>();
    Map<LocalDate, Long> ks = new LinkedHashMap<>();
    StringBuilder m = new StringBuilder();
    long motesId = 5_000_000;
    for (LocalDate d = LocalDate.of(forstaAr, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.THURSDAY));
         d.getYear() <= sistaAr + 1; d = d.plusWeeks(2)) {
      brb.put(d, ++motesId);
      m.append(motesId).append(",BRB,").append(d).append(",HALLET,").append(d.minusDays(5)).append("T09:00:00+01,")
          .append(d).append("T09:00:00+01,,,\n");
      ks.put(d.plusWeeks(1), ++motesId);
      LocalDate ksd = d.plusWeeks(1);
      m.append(motesId).append(",KS,").append(ksd).append(",ANSLAGET,").append(ksd.minusDays(5)).append("T09:00:00+01,")
          .append(ksd).append("T09:00:00+01,").append(ksd.plusDays(7)).append(",Justerare,").append(ksd.plusDays(8))
          .append('\n');
    }
    copy.copyIn("copy sammantrade (id, organ, datum, status, lista_faststalld, hallet, justeringsdatum, justerare,"
        + " anslagsdatum) from stdin (format csv)", new StringReader(m.toString()));
    List<LocalDate> brbDatum = new ArrayList<>(brb.keySet());

    int handelser = 0;
    int punkter = 0;
    Map<Long, Integer> ordning = new java.util.HashMap<>();
    Map<Integer, Integer> lopnummer = new java.util.HashMap<>();
    int batch = 5_000;
    for (int start = 0; start < antal; start += batch) {
      StringBuilder a = new StringBuilder();
      StringBuilder h = new StringBuilder();
      StringBuilder sa = new StringBuilder();
      for (int n = start; n < Math.min(antal, start + batch); n++) {
        long id = forstaId + n;
        int ar = forstaAr + (int) ((long) n * 10 / antal);
        int lop = lopnummer.merge(ar, 1, Integer::sum) + 100_000;
        String dnr = "KS " + ar + "/" + lop;
        LocalDate inkom = LocalDate.of(ar, 1, 1).plusDays(r.nextInt(365));
        boolean aterkallat = r.nextInt(50) == 0;
        LocalDate fordelat = inkom.plusDays(r.nextInt(4));
        LocalDate tu = fordelat.plusDays(20 + r.nextInt(25));
        LocalDate pm = tu.plusDays(10 + r.nextInt(40));
        int k = java.util.Collections.binarySearch(brbDatum, pm.plusDays(5));
        LocalDate brbDag = brbDatum.get(Math.min(brbDatum.size() - 1, k >= 0 ? k : -k - 1));
        LocalDate ksDag = brbDag.plusWeeks(1);
        LocalDate avslutat = aterkallat ? tu.plusDays(3) : ksDag.plusDays(8 + 22);
        String rubrik = "Skrivelse om " + AMNEN[r.nextInt(AMNEN.length)];
        a.append(id).append(',').append(q(dnr)).append(",KS,").append(ar).append(',').append(lop)
            .append(",SKRIVELSE,").append(q(rubrik)).append(',').append(aterkallat ? "ATERKALLAT" : "AVSLUTAT").append(',')
            .append(inkom).append(',').append(inkom).append("T10:00:00+01,").append(avslutat).append(",Jan Jönsson,")
            .append(PARTIER[r.nextInt(PARTIER.length)]).append(",ledamot,Karin Wanngård,rotel-i,").append(inkom)
            .append("T10:00:00+01\n");
        List<Object[]> e = new ArrayList<>();
        e.add(new Object[] {inkom, "REGISTRERAT"});
        e.add(new Object[] {inkom, "HANDLING_REGISTRERAD"});
        e.add(new Object[] {fordelat, "FORDELAT"});
        e.add(new Object[] {fordelat, "REMITTERAT"});
        e.add(new Object[] {fordelat, "HANDLING_REGISTRERAD"});
        e.add(new Object[] {tu.minusDays(5), "PAMINNELSE_SKICKAD"});
        e.add(new Object[] {tu, "TJANSTUTLATANDE_INKOMMET"});
        e.add(new Object[] {tu, "HANDLING_REGISTRERAD"});
        if (aterkallat) {
          e.add(new Object[] {avslutat, "ATERKALLAT"});
        } else {
          e.add(new Object[] {pm, "PROMEMORIA_UPPRATTAD"});
          e.add(new Object[] {pm, "HANDLING_REGISTRERAD"});
          e.add(new Object[] {pm, "UPPFORT_PA_FOREDRAGNINGSLISTA"});
          e.add(new Object[] {brbDag, "BRB_TILLSTYRKT"});
          e.add(new Object[] {brbDag.plusDays(2), "DOKUMENT_UPPRATTAT"});
          e.add(new Object[] {ksDag, "KS_BESLUT"});
          e.add(new Object[] {ksDag.plusDays(7), "PROTOKOLL_JUSTERAT"});
          e.add(new Object[] {ksDag.plusDays(8), "PROTOKOLL_ANSLAGET"});
          e.add(new Object[] {ksDag.plusDays(9), "DOKUMENT_UPPRATTAT"});
          e.add(new Object[] {ksDag.plusDays(9), "MEDDELANDE_SKICKAT"});
          e.add(new Object[] {avslutat, "LAGA_KRAFT"});
          e.add(new Object[] {avslutat, "AVSLUTAT"});
          for (Object[] mote : new Object[][] {{brb.get(brbDag), "TILLSTYRKT", brbDag}, {ks.get(ksDag), "BESLUTAT", ksDag}}) {
            long mid = (Long) mote[0];
            int o = ordning.merge(mid, 1, Integer::sum);
            sa.append(mid).append(',').append(id).append(',').append(o).append(',').append(mote[1]).append(',')
                .append(mote[1].equals("BESLUTAT") ? String.valueOf(o) : "").append(',').append(pm)
                .append("T12:00:00+01,").append(mote[2]).append("T12:00:00+01\n");
            punkter++;
          }
        }
        for (Object[] x : e) {
          h.append(id).append(',').append(x[0]).append("T").append(String.format("%02d", 8 + r.nextInt(9)))
              .append(":00:00+01,").append(x[1]).append(",Händelse\n");
          handelser++;
        }
      }
      copy.copyIn("copy arende (id, diarienummer, diarium, ar, lopnummer, arendetyp, rubrik, status, inkom_datum,"
          + " inkom_tid, avslutad_datum, avsandare_namn, avsandare_parti, avsandare_roll, foredragande_borgarrad, rotel,"
          + " registrerad_tid) from stdin (format csv)", new StringReader(a.toString()));
      copy.copyIn("copy arende_handelse (arende_id, tid, handelsetyp, beskrivning) from stdin (format csv)",
          new StringReader(h.toString()));
      copy.copyIn("copy sammantrade_arende (sammantrade_id, arende_id, ordning, status, paragraf, anmald_tid, andrad_tid)"
          + " from stdin (format csv)", new StringReader(sa.toString()));
    }
    return new int[] {handelser, brb.size() + ks.size(), punkter};
  }

  static String q(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
