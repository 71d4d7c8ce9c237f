package se.stockholm.ks.sok;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.stockholm.ks.diarium.Arendestatus;
import se.stockholm.ks.diarium.HandlingStatus;
import se.stockholm.ks.diarium.Handlingstyp;
import se.stockholm.ks.diarium.OgiltigHandlingException;

/**
 * A search for ärenden: the filters as given in the query string, checked. Every filter is
 * optional; given filters must all match (and). Texts match anywhere in the field, whatever the
 * case, with å, ä and ö as letters of their own (a search for "arsta" does not find "Årsta").
 *
 * @param text words in the ärende's rubrik or in one of its handlingar's titles
 * @param diarienummer the diarienummer or part of it ({@code KS 2025/1513}, {@code 2025/15}, {@code KS-2025-1513})
 * @param status the ärende's status, any of these
 * @param avsandare the sender's name, or part of it
 * @param parti the sender's party code, e.g. {@code L}
 * @param rotel the rotel id, e.g. {@code rotel-i}
 * @param borgarrad the föredragande borgarråd's name, or part of it
 * @param remissinstans the id of a remissinstans the ärende was remitted to
 * @param inkomFran received on or after (Europe/Stockholm)
 * @param inkomTill received on or before
 * @param forsenade true: only pågående ärenden with a remiss past its svarsdatum and not answered
 * @param handlingstyp has a handling of one of these kinds
 * @param handlingFran has a handling dated on or after
 * @param handlingTill has a handling dated on or before
 * @param riktning has a handling that is inkommen, upprättad or expedierad
 * @param motpart has a handling from or to this sender or recipient (part of the name)
 * @param sida the page, from 1
 * @param storlek hits per page, 1–100
 * @param sortering the order: {@code inkom}, {@code diarienummer}, {@code rubrik} or {@code status},
 *     with a leading {@code -} for descending
 */
public record Sokfraga(
    String text, String diarienummer, List<Arendestatus> status, String avsandare, String parti, String rotel,
    String borgarrad, String remissinstans, LocalDate inkomFran, LocalDate inkomTill, boolean forsenade,
    List<Handlingstyp> handlingstyp, LocalDate handlingFran, LocalDate handlingTill, List<HandlingStatus> riktning,
    String motpart, int sida, int storlek, String sortering) {

  /** The most hits per page. */
  public static final int MAX_STORLEK = 100;
  /** Hits per page unless asked. */
  public static final int STANDARD_STORLEK = 25;
  /** The orders one may ask for. */
  public static final List<String> SORTERINGAR = List.of("inkom", "-inkom", "diarienummer", "-diarienummer",
      "rubrik", "-rubrik", "status", "-status");
  /** The query parameters read (anything else is refused, so that a misspelt filter is not silently ignored). */
  public static final Set<String> PARAMETRAR = Set.of("text", "diarienummer", "status", "avsandare", "parti", "rotel",
      "borgarrad", "remissinstans", "inkomFran", "inkomTill", "forsenade", "handlingstyp", "handlingFran",
      "handlingTill", "riktning", "motpart", "sida", "storlek", "sortering");
  private static final int MAX_TEXT = 200;

  /** @return a search without filters: every ärende, newest first */
  public static Sokfraga alla() {
    return las(Map.of());
  }

  /**
   * Reads the filters from a query string's parameters.
   *
   * @param parametrar name → values (a repeated parameter and a comma-separated list are the same)
   * @return the search
   * @throws OgiltigHandlingException naming the parameter and saying in Swedish what is wrong: an
   *     unknown parameter, a date not written ÅÅÅÅ-MM-DD, an unknown status, type or direction, a
   *     from-date after the to-date, a page or size out of range, an unknown order, a text over 200 characters
   */
  public static Sokfraga las(Map<String, List<String>> parametrar) {
    List<String> okanda = parametrar.keySet().stream().filter(p -> !PARAMETRAR.contains(p)).sorted().toList();
    if (!okanda.isEmpty()) {
      throw new OgiltigHandlingException(okanda.get(0), "Okänd sökparameter '" + okanda.get(0) + "'. Kända: "
          + PARAMETRAR.stream().sorted().collect(Collectors.joining(", ")) + ".");
    }
    Function<String, String> en = namn -> {
      List<String> v = parametrar.getOrDefault(namn, List.of()).stream().filter(s -> s != null && !s.isBlank()).toList();
      if (v.size() > 1) {
        throw new OgiltigHandlingException(namn, "Parametern '" + namn + "' får anges en gång.");
      }
      String s = v.isEmpty() ? null : v.get(0).strip();
      if (s != null && s.length() > MAX_TEXT) {
        throw new OgiltigHandlingException(namn, "Parametern '" + namn + "' får vara högst " + MAX_TEXT + " tecken.");
      }
      return s;
    };
    Function<String, List<String>> lista = namn -> parametrar.getOrDefault(namn, List.of()).stream()
        .filter(s -> s != null).flatMap(s -> Arrays.stream(s.split(","))).map(String::strip).filter(s -> !s.isEmpty())
        .toList();
    LocalDate inkomFran = datum("inkomFran", en.apply("inkomFran"));
    LocalDate inkomTill = datum("inkomTill", en.apply("inkomTill"));
    ordning("inkomFran", inkomFran, "inkomTill", inkomTill);
    LocalDate handlingFran = datum("handlingFran", en.apply("handlingFran"));
    LocalDate handlingTill = datum("handlingTill", en.apply("handlingTill"));
    ordning("handlingFran", handlingFran, "handlingTill", handlingTill);
    String forsenade = en.apply("forsenade");
    if (forsenade != null && !forsenade.equals("true") && !forsenade.equals("false")) {
      throw new OgiltigHandlingException("forsenade", "forsenade är true eller false.");
    }
    String sortering = en.apply("sortering");
    if (sortering != null && !SORTERINGAR.contains(sortering)) {
      throw new OgiltigHandlingException("sortering", "Okänd sortering '" + sortering + "'. Möjliga: "
          + String.join(", ", SORTERINGAR) + ".");
    }
    int sida = heltal("sida", en.apply("sida"), 1, 1, 100_000);
    int storlek = heltal("storlek", en.apply("storlek"), STANDARD_STORLEK, 1, MAX_STORLEK);
    return new Sokfraga(en.apply("text"), en.apply("diarienummer"),
        upprakning("status", lista.apply("status"), Arendestatus.class, Arendestatus.REGISTRERAS),
        en.apply("avsandare"), en.apply("parti"), en.apply("rotel"), en.apply("borgarrad"), en.apply("remissinstans"),
        inkomFran, inkomTill, "true".equals(forsenade),
        upprakning("handlingstyp", lista.apply("handlingstyp"), Handlingstyp.class, null),
        handlingFran, handlingTill,
        upprakning("riktning", lista.apply("riktning"), HandlingStatus.class, null),
        en.apply("motpart"), sida, storlek, sortering == null ? "-inkom" : sortering);
  }

  /**
   * @return the filters as query parameters (without page), for links to other pages and the CSV
   */
  public Map<String, String> filter() {
    Map<String, String> p = new LinkedHashMap<>();
    BiPut put = (k, v) -> {
      if (v != null && !v.toString().isEmpty()) {
        p.put(k, v.toString());
      }
    };
    put.put("text", text);
    put.put("diarienummer", diarienummer);
    put.put("status", status.stream().map(Enum::name).collect(Collectors.joining(",")));
    put.put("avsandare", avsandare);
    put.put("parti", parti);
    put.put("rotel", rotel);
    put.put("borgarrad", borgarrad);
    put.put("remissinstans", remissinstans);
    put.put("inkomFran", inkomFran);
    put.put("inkomTill", inkomTill);
    put.put("forsenade", forsenade ? "true" : null);
    put.put("handlingstyp", handlingstyp.stream().map(Enum::name).collect(Collectors.joining(",")));
    put.put("handlingFran", handlingFran);
    put.put("handlingTill", handlingTill);
    put.put("riktning", riktning.stream().map(Enum::name).collect(Collectors.joining(",")));
    put.put("motpart", motpart);
    put.put("sortering", "-inkom".equals(sortering) ? null : sortering);
    return p;
  }

  /**
   * The form in which texts are compared: Unicode NFC (a decomposed "å" from a Mac is the same
   * letter), lower case as in Swedish. The database side is {@link Arendesok#normaliserad}.
   *
   * @param text a text
   * @return it normalized, or null
   */
  public static String normalisera(String text) {
    return se.stockholm.ks.diarium.Diarium.soknormalisera(text);
  }

  @FunctionalInterface
  private interface BiPut {
    void put(String k, Object v);
  }

  private static LocalDate datum(String namn, String varde) {
    if (varde == null) {
      return null;
    }
    try {
      return LocalDate.parse(varde);
    } catch (DateTimeParseException e) {
      throw new OgiltigHandlingException(namn, namn + " skrivs ÅÅÅÅ-MM-DD (t.ex. 2025-03-31), inte '" + varde + "'.");
    }
  }

  private static void ordning(String franNamn, LocalDate fran, String tillNamn, LocalDate till) {
    if (fran != null && till != null && fran.isAfter(till)) {
      throw new OgiltigHandlingException(franNamn, franNamn + " (" + fran + ") ligger efter " + tillNamn + " (" + till + ").");
    }
  }

  private static int heltal(String namn, String varde, int standard, int min, int max) {
    if (varde == null) {
      return standard;
    }
    try {
      int n = Integer.parseInt(varde);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new OgiltigHandlingException(namn, namn + " är ett heltal från " + min + " till " + max + ", inte '" + varde + "'.");
  }

  private static <E extends Enum<E>> List<E> upprakning(String namn, List<String> varden, Class<E> typ, E utom) {
    List<E> ut = new ArrayList<>();
    for (String v : varden) {
      E e = Arrays.stream(typ.getEnumConstants()).filter(k -> k != utom && k.name().equalsIgnoreCase(v)).findFirst()
          .orElseThrow(() -> new OgiltigHandlingException(namn, "Okänt värde '" + v + "' för " + namn + ". Möjliga: "
              + Arrays.stream(typ.getEnumConstants()).filter(k -> k != utom).map(Enum::name)
              .collect(Collectors.joining(", ")) + "."));
      if (!ut.contains(e)) {
        ut.add(e);
      }
    }
    return List.copyOf(ut);
  }
}
