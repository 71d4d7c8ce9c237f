package se.stockholm.ks.skrivelse;

import static se.stockholm.ks.skrivelse.Variabler.*;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

import se.stockholm.ks.diarium.Avsandare;
import se.stockholm.ks.diarium.Diarium;
import se.stockholm.ks.diarium.Innehallskontroll;
import se.stockholm.ks.diarium.OgiltigHandlingException;
import se.stockholm.ks.engine.Formular;
import se.stockholm.ks.organisation.Organisation;

/**
 * The intake of a skrivelse and its rules, the same for every way in: the Tasklist start form, the
 * engine REST API ({@code /engine-rest/process-definition/key/skrivelse/start}) and
 * {@code POST /api/v1/skrivelser}.
 *
 * <p>Variable contract (all Strings unless said): {@code rubrik} (required, at most
 * {@value #MAX_RUBRIK} characters), {@code avsandareNamn} (required, at most {@value #MAX_NAMN}),
 * {@code avsandareParti} (a party code of {@code ks.organisation.partier}, e.g. {@code L}),
 * {@code avsandareRoll} (one of {@code ks.organisation.roller}), {@code inkom} (ISO 8601 date or
 * date-time, with or without offset; without offset in Europe/Stockholm; default now; not in the
 * future), {@code fragor} (the questions: a Json array or one per line; at most
 * {@value #MAX_FRAGOR} of at most {@value #MAX_FRAGA} characters), {@code skrivelseText} (the
 * text) and {@code skrivelseFil} (File). The skrivelse needs a text, a file or questions.
 */
@Component
public class Skrivelseinlamning {

  /** Longest rubrik, in characters. */
  public static final int MAX_RUBRIK = 500;
  /** Longest sender's name, in characters. */
  public static final int MAX_NAMN = 200;
  /** Most questions. */
  public static final int MAX_FRAGOR = 30;
  /**
   * How far in the future {@code inkom} may lie: the sender's clock may run a little ahead of ours
   * (an e-service's server, a party office's computer). Later than this is refused as "i framtiden".
   */
  public static final java.time.Duration KLOCKSKILLNAD = java.time.Duration.ofMinutes(5);

  /**
   * The variable contract of a start through the engine's REST API: each variable and the
   * Camunda value types it may have (a JSON string without a {@code type} is a String). Another
   * type is refused, not turned into text.
   */
  public static final Map<String, List<String>> VARIABELTYPER = orderedMap(
      RUBRIK, List.of("String"),
      AVSANDARE_NAMN, List.of("String"),
      AVSANDARE_PARTI, List.of("String"),
      AVSANDARE_ROLL, List.of("String"),
      INKOM, List.of("String"),
      FRAGOR, List.of("Json", "String"),
      SKRIVELSE_TEXT, List.of("String"),
      SKRIVELSE_FIL, List.of("File"));
  /** Longest question, in characters. */
  public static final int MAX_FRAGA = 2000;

  /**
   * An attached file.
   *
   * @param bytes content
   * @param filnamn name as given
   */
  public record Fil(byte[] bytes, String filnamn) {
  }

  /**
   * A checked intake.
   *
   * @param rubrik the rubrik
   * @param avsandare the sender (party code and role in canonical spelling)
   * @param inkom when received
   * @param fragor the questions
   * @param text the skrivelse's text, or null
   * @param fil the file, or null
   */
  public record Uppgifter(String rubrik, Avsandare avsandare, OffsetDateTime inkom, List<String> fragor,
                          String text, Fil fil) {
  }

  private final Organisation organisation;
  private final Innehallskontroll innehallskontroll;

  Skrivelseinlamning(Organisation organisation, Innehallskontroll innehallskontroll) {
    this.organisation = organisation;
    this.innehallskontroll = innehallskontroll;
  }

  /**
   * @param scope the start's variables
   * @return the checked intake
   * @throws FormFieldValidationException naming every field at fault
   */
  public Uppgifter las(VariableScope scope) {
    return las(Formular.av(scope));
  }

  /**
   * @param values the intake's fields by variable name (a file as {@link FileValue})
   * @return the checked intake
   * @throws FormFieldValidationException naming every field at fault
   */
  public Uppgifter las(Map<String, ?> values) {
    return las(Formular.av(values));
  }

  private Uppgifter las(Formular f) {
    String rubrik = f.text(RUBRIK, "Rubrik", MAX_RUBRIK, true);
    String namn = f.text(AVSANDARE_NAMN, "Avsändarens namn", MAX_NAMN, true);
    String partiKod = f.text(AVSANDARE_PARTI, "Parti", 10, false);
    String parti = null;
    if (partiKod != null) {
      parti = organisation.parti(partiKod).map(Organisation.Parti::kod).orElse(null);
      if (parti == null) {
        f.fel(AVSANDARE_PARTI, "Okänt parti '" + partiKod + "'. Giltiga: "
            + String.join(", ", organisation.partier().stream().map(Organisation.Parti::kod).toList()) + ".");
      }
    }
    String rollText = f.text(AVSANDARE_ROLL, "Roll", 60, false);
    String roll = null;
    if (rollText != null) {
      roll = organisation.roll(rollText).orElse(null);
      if (roll == null) {
        f.fel(AVSANDARE_ROLL, "Okänd roll '" + rollText + "'. Giltiga: " + String.join(", ", organisation.roller()) + ".");
      }
    }
    OffsetDateTime inkom = inkom(f);
    List<String> fragor = fragor(f);
    String text = f.text(SKRIVELSE_TEXT, "Skrivelsens text", Integer.MAX_VALUE, false);
    if (text != null) {
      try {
        innehallskontroll.kontrolleraText(SKRIVELSE_TEXT, text);
      } catch (OgiltigHandlingException e) {
        f.fel(SKRIVELSE_TEXT, e.getMessage());
      }
    }
    Fil fil = null;
    FileValue file = f.fil(SKRIVELSE_FIL);
    if (file != null) {
      fil = new Fil(bytes(file), file.getFilename());
      try {
        innehallskontroll.kontrolleraFil(fil.bytes(), fil.filnamn());
      } catch (OgiltigHandlingException e) {
        f.fel(SKRIVELSE_FIL, e.getMessage());
      }
    }
    if (text == null && fil == null && fragor.isEmpty() && !f.harFel(SKRIVELSE_TEXT)) {
      f.fel(SKRIVELSE_TEXT, "Skriv in skrivelsens text eller frågor, eller bifoga skrivelsen som fil.");
    }
    f.kontrollera();
    if (text == null) {
      text = rubrik + (fragor.isEmpty() ? "" : "\n\nFrågor:\n" + String.join("\n", fragor.stream().map(q -> "• " + q).toList()));
    }
    return new Uppgifter(rubrik, new Avsandare(namn, parti, roll), inkom, fragor, text, fil);
  }

  private static OffsetDateTime inkom(Formular f) {
    String text = f.text(INKOM, "Inkommen", 60, false);
    OffsetDateTime now = Diarium.nu();
    if (text == null) {
      return now;
    }
    OffsetDateTime inkom;
    try {
      inkom = tolka(text);
    } catch (DateTimeParseException e) {
      f.fel(INKOM, "Inkommen: '" + text + "' är inget datum enligt ISO 8601 (t.ex. 2025-11-26 eller "
          + "2025-11-26T09:30 eller 2025-11-26T09:30+01:00).");
      return now;
    }
    if (inkom.isAfter(now.plus(KLOCKSKILLNAD))) {
      f.fel(INKOM, "Inkommen: " + text + " ligger i framtiden (mer än " + KLOCKSKILLNAD.toMinutes()
          + " minuter efter systemets klocka).");
    } else if (inkom.isBefore(now.minusYears(10))) {
      f.fel(INKOM, "Inkommen: " + text + " ligger mer än tio år bakåt.");
    }
    return inkom;
  }

  /**
   * @param text ISO 8601 date or date-time, with or without offset or zone
   * @return the instant, a date-only value at the start of that day in Europe/Stockholm
   * @throws DateTimeParseException when the text is none of those
   */
  public static OffsetDateTime tolka(String text) {
    String t = text.strip();
    try {
      return OffsetDateTime.parse(t);
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return ZonedDateTime.parse(t).toOffsetDateTime();
    } catch (DateTimeParseException ignored) {
      // next form
    }
    try {
      return LocalDateTime.parse(t).atZone(Diarium.STOCKHOLM).toOffsetDateTime();
    } catch (DateTimeParseException ignored) {
      // next form
    }
    return LocalDate.parse(t).atStartOfDay(Diarium.STOCKHOLM).toOffsetDateTime();
  }

  private static List<String> fragor(Formular f) {
    Object raw = f.varde(FRAGOR);
    List<String> list;
    if (raw instanceof String s && !s.strip().startsWith("[")) {
      list = Arrays.stream(s.split("\\R")).toList();
    } else {
      String fel = ickeTexter(raw);
      list = fel == null ? Formular.strangar(raw) : null;
      if (fel != null) {
        f.fel(FRAGOR, fel);
        list = List.of();
      } else if (list == null) {
        f.fel(FRAGOR, "Frågor har fel format: en lista (Json-array) eller en fråga per rad väntades.");
        list = List.of();
      }
    }
    list = list.stream().map(q -> q.strip().replaceFirst("^[•*-]\\s*", "")).filter(q -> !q.isEmpty()).toList();
    if (list.size() > MAX_FRAGOR) {
      f.fel(FRAGOR, "Högst " + MAX_FRAGOR + " frågor (nu " + list.size() + ").");
    }
    if (list.stream().anyMatch(q -> q.length() > MAX_FRAGA)) {
      f.fel(FRAGOR, "En fråga får vara högst " + MAX_FRAGA + " tecken.");
    }
    return list;
  }

  /**
   * @param raw the questions as given
   * @return what is wrong when a list holds something other than texts (a null would otherwise
   *     become the question "null", a number or an object its JSON), or null
   */
  private static String ickeTexter(Object raw) {
    List<?> element;
    if (raw instanceof String s) {
      try {
        raw = org.camunda.spin.Spin.JSON(s.strip());
      } catch (RuntimeException e) {
        return "Frågor har fel format: '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s)
            + "' är ingen Json-array av texter.";
      }
    }
    if (raw instanceof org.camunda.spin.json.SpinJsonNode json && json.isArray()) {
      element = json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.isNull() ? null : e).toList();
    } else if (raw instanceof java.util.Collection<?> c) {
      element = new java.util.ArrayList<>(c);
    } else {
      return null;
    }
    for (int i = 0; i < element.size(); i++) {
      Object e = element.get(i);
      if (!(e instanceof String)) {
        return "Frågor: varje fråga ska vara en text (fråga " + (i + 1) + " är " + (e == null ? "null" : e) + ").";
      }
    }
    return null;
  }

  private static byte[] bytes(FileValue file) {
    try (InputStream in = file.getValue()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Kan inte läsa filen " + file.getFilename(), e);
    }
  }

  private static Map<String, List<String>> orderedMap(Object... namnOchTyper) {
    Map<String, List<String>> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namnOchTyper.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> typer = (List<String>) namnOchTyper[i + 1];
      map.put((String) namnOchTyper[i], typer);
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  /**
   * @param a the sender
   * @return the sender as shown to officials: {@code Jan Jönsson (L), oppositionsborgarråd}
   */
  public static String avsandareText(Avsandare a) {
    return a.medParti() + (a.roll() == null ? "" : ", " + a.roll());
  }
}
