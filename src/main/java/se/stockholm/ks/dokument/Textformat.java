package se.stockholm.ks.dokument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import se.stockholm.ks.kalender.Datumformat;

/**
 * Swedish text helpers for the document templates, available there as {@code txt}: dates
 * ("4 mars 2026"), persons ("borgarrådet Jan Jönsson (L)"), paragraphs, genitive and running-text
 * forms of names. Every method returns plain text; the templates escape it.
 */
public final class Textformat {

  /** The documents' locale: Swedish as written in Sweden. */
  public static final Locale SVENSKA = Datumformat.SVENSKA;

  private static final Pattern TOMRAD = Pattern.compile("\\R\\s*\\R");
  private static final Pattern RADSLUT = Pattern.compile("\\r\\n?");

  /**
   * The endings of the names of municipal offices and committees, which Swedish writes with a small
   * initial in running text ("remitterats till stadsledningskontoret"). State agencies and companies
   * ("Trafikverket", "Stockholm Vatten och Avfall AB") keep their capital.
   */
  private static final List<String> MYNDIGHETSORD = List.of(
      "kontoret", "förvaltningen", "förvaltning", "nämnden", "nämnd", "revisorerna",
      "kommunstyrelsen", "kommunfullmäktige", "beredningen");

  /**
   * @param datum a date; may be null
   * @return the date written out, e.g. "4 mars 2026" ({@link Datumformat#lopandeText}); empty for null
   */
  public String datum(LocalDate datum) {
    return Datumformat.lopandeText(datum);
  }

  /**
   * @param text any text; may be null
   * @return true when it has something besides white space
   */
  public boolean harText(String text) {
    return text != null && !text.isBlank();
  }

  /**
   * Splits a text into its paragraphs: blank lines separate paragraphs; single line breaks stay
   * inside a paragraph (the stylesheet keeps them as line breaks).
   *
   * @param text a text; may be null
   * @return the paragraphs, trimmed, without empty ones; empty for null or blank text
   */
  public List<String> stycken(String text) {
    if (!harText(text)) {
      return List.of();
    }
    List<String> stycken = new ArrayList<>();
    for (String stycke : TOMRAD.split(RADSLUT.matcher(text).replaceAll("\n"))) {
      String rent = stycke.strip();
      if (!rent.isEmpty()) {
        stycken.add(rent);
      }
    }
    return stycken;
  }

  /**
   * @param person a person; may be null
   * @return name and party, e.g. "Jan Jönsson (L)"; empty for null
   */
  public String namnOchParti(Person person) {
    if (person == null) {
      return "";
    }
    return harText(person.parti()) ? person.namn() + " (" + person.parti().strip() + ")" : person.namn();
  }

  /**
   * @param person a person; may be null
   * @return role, name and party, e.g. "borgarrådet Jan Jönsson (L)"; without role when it is null
   */
  public String person(Person person) {
    if (person == null) {
      return "";
    }
    return harText(person.roll()) ? person.roll().strip() + " " + namnOchParti(person) : namnOchParti(person);
  }

  /**
   * The Swedish genitive of a name: "-s", nothing after s, x or z, and ":s" after an abbreviation or
   * a digit ("Liberalernas", "Stadsledningskontorets", "Stockholm Vatten och Avfall AB:s").
   *
   * @param namn a name; may be null
   * @return its genitive; empty for null
   */
  public String genitiv(String namn) {
    if (!harText(namn)) {
      return "";
    }
    String rent = namn.strip();
    String sistaOrd = rent.substring(rent.lastIndexOf(' ') + 1);
    char sista = rent.charAt(rent.length() - 1);
    if (Character.isDigit(sista) || (sistaOrd.length() > 1 && sistaOrd.equals(sistaOrd.toUpperCase(SVENSKA)))) {
      return rent + ":s";
    }
    if ("sxzSXZ".indexOf(sista) >= 0) {
      return rent;
    }
    return rent + "s";
  }

  /**
   * The form of a remissinstans' name in running text: a municipal office or committee gets a small
   * initial ("Stadsledningskontoret" becomes "stadsledningskontoret"); other names are kept as they
   * are ("Trafikverket", "Östermalms stadsdelsnämnd", "Stockholm Vatten och Avfall AB").
   *
   * @param namn a name as written in a heading; may be null
   * @return the name as written in running text; empty for null
   */
  public String iLopandeText(String namn) {
    if (!harText(namn)) {
      return "";
    }
    String rent = namn.strip();
    String forstaOrd = rent.split("\\s+")[0].toLowerCase(SVENSKA);
    boolean myndighet = MYNDIGHETSORD.stream().anyMatch(forstaOrd::endsWith);
    boolean ovrigaVersaler = rent.substring(1).chars().anyMatch(Character::isUpperCase);
    if (!myndighet || ovrigaVersaler) {
      return rent;
    }
    return rent.substring(0, 1).toLowerCase(SVENSKA) + rent.substring(1);
  }

  /**
   * @param text a text; may be null
   * @return the text with a capital initial ("borgarrådet Jan Jönsson" becomes "Borgarrådet Jan
   *     Jönsson"), for a sentence that starts with it; empty for null
   */
  public String versal(String text) {
    if (!harText(text)) {
      return "";
    }
    String rent = text.strip();
    return rent.substring(0, 1).toUpperCase(SVENSKA) + rent.substring(1);
  }

  /**
   * @param text a text; may be null
   * @return true when the text ends with a colon, i.e. already introduces the list that follows it
   */
  public boolean inlederLista(String text) {
    return harText(text) && text.strip().endsWith(":");
  }

  /**
   * @param delar items; may be null
   * @return the items as a Swedish enumeration, "a, b och c"; empty for none
   */
  public String uppraknad(List<String> delar) {
    if (delar == null || delar.isEmpty()) {
      return "";
    }
    if (delar.size() == 1) {
      return delar.get(0);
    }
    return String.join(", ", delar.subList(0, delar.size() - 1)) + " och " + delar.get(delar.size() - 1);
  }

  /**
   * @param remissvar the remissvar of an ärende; may be null
   * @return the remissinstanser in running text, each once, e.g. "stadsledningskontoret och
   *     socialförvaltningen"; empty for none
   */
  public String remissinstanser(List<Remissvar> remissvar) {
    if (remissvar == null) {
      return "";
    }
    return uppraknad(remissvar.stream().map(r -> iLopandeText(r.remissinstans())).distinct().toList());
  }
}
