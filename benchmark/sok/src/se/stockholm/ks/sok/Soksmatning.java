package se.stockholm.ks.sok;

import java.io.StringReader;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.stockholm.ks.ediarium.Ediarium;
import se.stockholm.ks.organisation.Organisation;

/**
 * The search benchmark (issue 18): bulk-loads ärenden and handlingar with COPY, migrates, then times
 * each search of a realistic mix (count and first page, as the API answers) and prints p50/p99.
 * Arguments: JDBC URL, number of ärenden, handlingar per ärende.
 */
public final class Soksmatning {

  static final String[] PLATSER = {"Årstafältet", "Östermalm", "Södermalm", "Kungsholmen", "Vällingby", "Skärholmen",
      "Hägersten", "Älvsjö", "Farsta", "Rinkeby", "Kista", "Bromma", "Norrmalm", "Hammarby sjöstad", "Liljeholmen",
      "Spånga", "Enskede", "Gamla stan", "Djurgården", "Tensta"};
  static final String[] AMNEN = {"skolans lokaler", "äldreomsorgen", "cykelbanor", "bostadsbyggande", "parkering",
      "kollektivtrafiken", "förskolor", "idrottsplatser", "trygghet", "belysning", "simhallar", "bibliotek",
      "stadens budget", "klimatet", "grönytor", "snöröjning", "hemlösheten", "fritidsgårdar", "vården", "kulturen"};
  static final String[] FORNAMN = {"Jan", "Åsa", "Örjan", "Anna", "Erik", "Maria", "Lars", "Karin", "Per", "Eva",
      "Johan", "Sofia", "Mats", "Lena", "Björn", "Ingrid", "Oskar", "Sara", "Gustav", "Emma"};
  static final String[] EFTERNAMN = {"Jönsson", "Öberg", "Ek", "Lindgren", "Ekström", "Bergman", "Wanngård",
      "Andersson", "Nilsson", "Holm", "Åberg", "Sjöberg", "Lund", "Strand", "Dahl", "Forsberg", "Hägg", "Nyström",
      "Björk", "Lövgren"};
  static final String[] PARTIER = {"S", "M", "V", "L", "MP", "C", "KD", "SD"};
  static final String[][] ROTLAR = {{"rotel-i", "Karin Wanngård"}, {"rotel-ii", "Maria Lindgren"},
      {"rotel-iii", "Johan Ekström"}, {"rotel-iv", "Sofia Bergman"}};
  static final String[] INSTANSER = {"Stadsledningskontoret", "Stadsbyggnadskontoret", "Socialförvaltningen",
      "Utbildningsförvaltningen"};

  private Soksmatning() {
  }

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int arenden = Integer.parseInt(args[1]);
    int perArende = Integer.parseInt(args[2]);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    long t0 = System.nanoTime();
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("12").load().migrate();
    try (Connection c = ds.getConnection()) {
      ladda(c, arenden, perArende);
    }
    long laddat = System.nanoTime();
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    try (Connection c = ds.getConnection(); var s = c.createStatement()) {
      s.execute("vacuum analyze arende");
      s.execute("vacuum analyze arende_sok");
      s.execute("vacuum analyze handling");
      s.execute("vacuum analyze arende_handelse");
    }
    long indexerat = System.nanoTime();
    try (Connection c = ds.getConnection(); var s = c.createStatement();
         var rs = s.executeQuery("select pg_size_pretty(pg_relation_size('arende')) || ' (söktext ' || pg_size_pretty(pg_relation_size('arende_sok')) || ')', pg_size_pretty(pg_relation_size('handling')),"
             + " (select string_agg(indexrelname, ', ' order by indexrelname) from pg_stat_user_indexes where indexrelname like '%trgm%')")) {
      rs.next();
      System.out.printf("arende %s, handling %s; trigramindex: %s%n", rs.getString(1), rs.getString(2), rs.getString(3));
    }
    System.out.printf("Laddat %,d ärenden och %,d handlingar på %.1f s; index och analyze %.1f s%n", arenden,
        (long) arenden * perArende, (laddat - t0) / 1e9, (indexerat - laddat) / 1e9);

    Organisation org = new Organisation(Arrays.stream(PARTIER).map(p -> new Organisation.Parti(p, p)).toList(),
        List.of("ledamot"), Arrays.stream(ROTLAR).map(r -> new Organisation.Rotel(r[0], r[0], r[1], "S")).toList(),
        List.of(new Organisation.Remissinstans("stadsledningskontoret", "Stadsledningskontoret", "stadsledningskontoret"),
            new Organisation.Remissinstans("stadsbyggnadskontoret", "Stadsbyggnadskontoret", "stadsbyggnadskontoret"),
            new Organisation.Remissinstans("socialforvaltningen", "Socialförvaltningen", "socialforvaltningen"),
            new Organisation.Remissinstans("utbildningsforvaltningen", "Utbildningsförvaltningen",
                "utbildningsforvaltningen")), true);
    var hikari = new com.zaxxer.hikari.HikariDataSource();
    hikari.setJdbcUrl(url);
    hikari.setMaximumPoolSize(2);
    JdbcClient jdbc = JdbcClient.create(hikari);
    Arendesok sok = new Arendesok(jdbc, org);
    Ediarium ediarium = new Ediarium(jdbc);

    Map<String, String> fragor = new LinkedHashMap<>();
    fragor.put("alla, nyast först", "");
    fragor.put("text: årsta", "text=årsta");
    fragor.put("text: cykelbanor", "text=cykelbanor");
    fragor.put("text: SKÄRHOLMEN, pågående", "text=SKÄRHOLMEN&status=PAGAENDE");
    fragor.put("diarienummer 2021/15", "diarienummer=2021/15");
    fragor.put("pågående från (V)", "status=PAGAENDE&parti=V");
    fragor.put("avsändare öberg", "avsandare=öberg");
    fragor.put("rotel III, borgarråd", "rotel=rotel-iii&borgarrad=ekström");
    fragor.put("inkom mars 2024", "inkomFran=2024-03-01&inkomTill=2024-03-31");
    fragor.put("försenade", "forsenade=true");
    fragor.put("remissinstans SOF, sorterat på dnr", "remissinstans=socialforvaltningen&sortering=diarienummer");
    fragor.put("tjänsteutlåtanden från SLK 2023", "handlingstyp=TJANSTUTLATANDE&motpart=stadsledningskontoret"
        + "&handlingFran=2023-01-01&handlingTill=2023-12-31");
    fragor.put("sida 200", "sida=200");

    int varv = Integer.parseInt(System.getProperty("bench.varv", "30"));
    List<Double> alla = new ArrayList<>();
    System.out.printf("%n%-40s %10s %8s %8s %8s%n", "Sökning (antal + första sidan)", "träffar", "p50 ms", "p99 ms", "max ms");
    for (var f : fragor.entrySet()) {
      Sokfraga fraga = Sokfraga.las(parametrar(f.getValue()));
      for (int i = 0; i < 3; i++) {
        sok.sok(fraga); // warm-up
      }
      List<Double> tider = new ArrayList<>();
      long traffar = 0;
      for (int i = 0; i < varv; i++) {
        long s = System.nanoTime();
        traffar = sok.sok(fraga).totalt();
        tider.add((System.nanoTime() - s) / 1e6);
      }
      alla.addAll(tider);
      System.out.printf("%-40s %,10d %8.1f %8.1f %8.1f%n", f.getKey(), traffar, p(tider, 50), p(tider, 99), p(tider, 100));
    }
    System.out.printf("%-40s %10s %8.1f %8.1f %8.1f%n", "ALLA SÖKNINGAR", "", p(alla, 50), p(alla, 99), p(alla, 100));

    List<Double> publikt = new ArrayList<>();
    for (String text : new String[] {null, "årsta", "cykelbanor"}) {
      for (int i = 0; i < varv + 3; i++) {
        long s = System.nanoTime();
        ediarium.lista(text, null, null, null, 1, 25);
        if (i >= 3) {
          publikt.add((System.nanoTime() - s) / 1e6);
        }
      }
    }
    System.out.printf("%-40s %10s %8.1f %8.1f %8.1f%n", "e-diariet (alla, årsta, cykelbanor)", "", p(publikt, 50),
        p(publikt, 99), p(publikt, 100));
    hikari.close();
  }

  static Map<String, List<String>> parametrar(String query) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    if (!query.isEmpty()) {
      for (String del : query.split("&")) {
        String[] kv = del.split("=", 2);
        p.put(kv[0], List.of(kv[1]));
      }
    }
    return p;
  }

  static double p(List<Double> tider, int percentil) {
    List<Double> s = tider.stream().sorted().toList();
    int i = (int) Math.ceil(percentil / 100.0 * s.size()) - 1;
    return s.get(Math.max(0, Math.min(s.size() - 1, i)));
  }

  static void ladda(Connection c, int arenden, int perArende) throws Exception {
    var copy = ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI();
    Random r = new Random(18);
    int batch = 5_000;
    long hid = 0;
    Map<Integer, Integer> lopnummer = new java.util.HashMap<>();
    for (int start = 1; start <= arenden; start += batch) {
      StringBuilder a = new StringBuilder();
      StringBuilder h = new StringBuilder();
      StringBuilder e = new StringBuilder();
      for (int id = start; id < start + batch && id <= arenden; id++) {
        int ar = 2016 + (int) ((long) (id - 1) * 10 / arenden);
        int lop = lopnummer.merge(ar, 1, Integer::sum);
        String dnr = "KS " + ar + "/" + lop;
        LocalDate inkom = LocalDate.of(ar, 1, 1).plusDays(r.nextInt(365));
        String plats = PLATSER[r.nextInt(PLATSER.length)];
        String amne = AMNEN[r.nextInt(AMNEN.length)];
        String rubrik = "Skrivelse om " + amne + " i " + plats;
        String namn = FORNAMN[r.nextInt(FORNAMN.length)] + " " + EFTERNAMN[r.nextInt(EFTERNAMN.length)];
        String parti = PARTIER[r.nextInt(PARTIER.length)];
        int x = r.nextInt(100);
        boolean pagaende = ar >= 2024 && x < 40;
        String status = pagaende ? "PAGAENDE" : x < 45 ? "BESLUTAT" : x < 47 ? "ATERKALLAT" : "AVSLUTAT";
        String[] rotel = ROTLAR[r.nextInt(ROTLAR.length)];
        String instans = INSTANSER[r.nextInt(INSTANSER.length)];
        a.append(id).append(',').append(q(dnr)).append(",KS,").append(ar).append(',').append(lop)
            .append(",SKRIVELSE,").append(q(rubrik)).append(',').append(status).append(',').append(inkom).append(',')
            .append(inkom).append("T10:00:00+01,").append(status.equals("AVSLUTAT") ? inkom.plusDays(120).toString() : "")
            .append(',').append(q(namn)).append(',').append(parti).append(",ledamot,").append(q(rotel[1])).append(',')
            .append(rotel[0]).append(',').append(inkom).append("T10:00:00+01\n");
        for (int n = 1; n <= perArende; n++) {
          hid++;
          String typ;
          String riktning;
          String hRubrik;
          String avs = "";
          String mot = "";
          LocalDate datum = inkom.plusDays(n * 7L);
          switch (n) {
            case 1 -> { typ = "SKRIVELSE"; riktning = "INKOMMEN"; hRubrik = rubrik; avs = namn + " (" + parti + ")"; datum = inkom; }
            case 2 -> { typ = "REMISS"; riktning = "EXPEDIERAD"; hRubrik = "Remiss till " + instans + ": " + rubrik; mot = instans; }
            case 3 -> { typ = "TJANSTUTLATANDE"; riktning = "INKOMMEN"; hRubrik = "Tjänsteutlåtande om " + amne + " i " + plats; avs = instans; }
            case 4 -> { typ = "PROMEMORIA"; riktning = "UPPRATTAD"; hRubrik = "Promemoria " + rotel[0] + ": " + rubrik; }
            case 5 -> { typ = "PROTOKOLLSUTDRAG"; riktning = "EXPEDIERAD"; hRubrik = "Protokollsutdrag: " + rubrik; mot = namn; }
            default -> { typ = "OVRIG"; riktning = "INKOMMEN"; hRubrik = "Bilaga " + n + " om " + AMNEN[r.nextInt(AMNEN.length)]
                + " i " + PLATSER[r.nextInt(PLATSER.length)]; avs = FORNAMN[r.nextInt(FORNAMN.length)] + " "
                + EFTERNAMN[r.nextInt(EFTERNAMN.length)]; }
          }
          h.append(hid).append(',').append(id).append(',').append(n).append(',').append(q(dnr + "-" + n)).append(',')
              .append(typ).append(',').append(q(hRubrik)).append(',').append(datum).append(',').append(riktning)
              .append(',').append(q(avs)).append(',').append(q(mot)).append(",text/plain,40,")
              .append("0".repeat(64)).append(',').append(q("Handlingens text, " + hRubrik)).append(',')
              .append(datum).append("T12:00:00+01\n");
        }
        if (pagaende && r.nextInt(10) == 0) {
          e.append(id).append(',').append(inkom.plusDays(30)).append("T08:00:00+01,SVARSDATUM_PASSERAT,")
              .append(q("Svarsdatum passerat")).append('\n');
        }
      }
      copy.copyIn("copy arende (id, diarienummer, diarium, ar, lopnummer, arendetyp, rubrik, status, inkom_datum,"
          + " inkom_tid, avslutad_datum, avsandare_namn, avsandare_parti, avsandare_roll, foredragande_borgarrad, rotel,"
          + " registrerad_tid) from stdin (format csv)", new StringReader(a.toString()));
      copy.copyIn("copy handling (id, arende_id, lopnummer, dokumentnummer, handlingstyp, rubrik, datum, status,"
          + " avsandare, mottagare, mediatyp, storlek, sha256, text_innehall, registrerad_tid) from stdin (format csv)",
          new StringReader(h.toString()));
      if (!e.isEmpty()) {
        copy.copyIn("copy arende_handelse (arende_id, tid, handelsetyp, beskrivning) from stdin (format csv)",
            new StringReader(e.toString()));
      }
    }
  }

  static String q(String s) {
    return s.isEmpty() ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
