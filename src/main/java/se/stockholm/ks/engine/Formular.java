package se.stockholm.ks.engine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.spin.json.SpinJsonNode;

import se.stockholm.ks.kalender.Frister;

/**
 * Reads and checks the values a form (or an integration) put into the process, collecting every
 * problem with a Swedish message. {@link #kontrollera()} then throws one
 * {@link FormFieldValidationException}, which the engine REST API answers with 400 and Tasklist
 * shows to the user; nothing of the submit is kept.
 *
 * <p>Accepts what Camunda Forms send: dates as ISO strings ({@code 2025-12-24} or
 * {@code 2025-06-20T14:30+00:00}), lists as {@code Json} arrays, files as {@code File} variables.
 */
public final class Formular {

  private final Function<String, Object> values;
  private final Function<String, Object> typedValues;
  private final Map<String, String> fel = new LinkedHashMap<>();

  private Formular(Function<String, Object> values, Function<String, Object> typedValues) {
    this.values = values;
    this.typedValues = typedValues;
  }

  /**
   * @param scope the task or execution whose variables are read
   * @return a reader for them
   */
  public static Formular av(VariableScope scope) {
    return new Formular(scope::getVariable, scope::getVariableTyped);
  }

  /**
   * @param map values by name (e.g. a REST request's fields); files as {@link FileValue}
   * @return a reader for them
   */
  public static Formular av(Map<String, ?> map) {
    return new Formular(map::get, map::get);
  }

  /**
   * @param namn variable name
   * @return the raw value, or null
   */
  public Object varde(String namn) {
    return values.apply(namn);
  }

  /**
   * A text field.
   *
   * @param namn variable name
   * @param etikett the field's label, for messages
   * @param maxLangd the most characters allowed
   * @param kravs whether the field is required
   * @return the text without surrounding blanks, or null when empty
   */
  public String text(String namn, String etikett, int maxLangd, boolean kravs) {
    Object value = values.apply(namn);
    String text = value == null ? null : value.toString().strip();
    if (text == null || text.isEmpty()) {
      if (kravs) {
        fel(namn, etikett + " måste fyllas i.");
      }
      return null;
    }
    if (text.length() > maxLangd) {
      fel(namn, etikett + " får vara högst " + maxLangd + " tecken (nu " + text.length() + ").");
    } else if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
      fel(namn, etikett + " innehåller otillåtna styrtecken.");
    }
    return text;
  }

  /**
   * One of a fixed set of values.
   *
   * @param namn variable name
   * @param etikett label
   * @param tillatna the allowed values
   * @return the value, or null when missing or not allowed (an error is recorded)
   */
  public String val(String namn, String etikett, Collection<String> tillatna) {
    String value = text(namn, etikett, 200, true);
    if (value != null && !tillatna.contains(value)) {
      fel(namn, etikett + ": '" + value + "' är inget giltigt val.");
      return null;
    }
    return value;
  }

  /**
   * A date field.
   *
   * @param namn variable name
   * @param etikett label
   * @param kravs whether required
   * @return the date (Europe/Stockholm), or null when missing or invalid (an error is recorded)
   */
  public LocalDate datum(String namn, String etikett, boolean kravs) {
    Object value = values.apply(namn);
    if (value == null || value.toString().isBlank()) {
      if (kravs) {
        fel(namn, etikett + " måste anges.");
      }
      return null;
    }
    try {
      return Frister.datum(value);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      fel(namn, etikett + ": '" + value + "' är inget datum (skriv ÅÅÅÅ-MM-DD).");
      return null;
    }
  }

  /**
   * A list of strings: a {@code Json} array, a Java collection or a comma-separated string.
   *
   * @param namn variable name
   * @param etikett label
   * @param kravs whether at least one element is required
   * @return the elements (never null)
   */
  public List<String> lista(String namn, String etikett, boolean kravs) {
    List<String> list = strangar(values.apply(namn));
    if (list == null) {
      fel(namn, etikett + " har fel format (en lista väntades).");
      return List.of();
    }
    if (kravs && list.isEmpty()) {
      fel(namn, "Välj minst ett alternativ i " + etikett.toLowerCase() + ".");
    }
    return list;
  }

  /**
   * A list of objects (Json array of objects).
   *
   * @param namn variable name
   * @param etikett label
   * @return the elements as maps of their string fields (never null)
   */
  public List<Map<String, Object>> objektlista(String namn, String etikett) {
    Object value = values.apply(namn);
    if (value == null) {
      return List.of();
    }
    SpinJsonNode json = value instanceof SpinJsonNode node ? node
        : value instanceof String s && !s.isBlank() ? org.camunda.spin.Spin.JSON(s) : null;
    if (json == null || !json.isArray()) {
      fel(namn, etikett + " har fel format (en lista väntades).");
      return List.of();
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (SpinJsonNode element : json.elements()) {
      if (!element.isObject()) {
        fel(namn, etikett + " har fel format.");
        return List.of();
      }
      Map<String, Object> map = new LinkedHashMap<>();
      for (String field : element.fieldNames()) {
        SpinJsonNode v = element.prop(field);
        map.put(field, v.isNull() ? null : v.isBoolean() ? v.boolValue() : v.isValue() ? v.value() : v.toString());
      }
      result.add(map);
    }
    return result;
  }

  /**
   * A file field.
   *
   * @param namn variable name
   * @return the file, or null when none was attached
   */
  public FileValue fil(String namn) {
    Object value = typedValues.apply(namn);
    if (value instanceof FileValue file && file.getValue() != null) {
      return file;
    }
    return null;
  }

  /**
   * Records a problem.
   *
   * @param falt the field
   * @param meddelande what is wrong, in Swedish
   */
  public void fel(String falt, String meddelande) {
    fel.putIfAbsent(falt, meddelande);
  }

  /** @return whether a problem was recorded for the field */
  public boolean harFel(String falt) {
    return fel.containsKey(falt);
  }

  /**
   * Throws when any problem was recorded.
   *
   * @throws FormFieldValidationException with every message, the field names in its detail
   */
  public void kontrollera() {
    if (!fel.isEmpty()) {
      // in the order the fields were read (Map.copyOf has no order): the answer lists them as the form does
      throw new FormFieldValidationException(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fel)),
          fel.values().stream().collect(Collectors.joining(" ")));
    }
  }

  /**
   * @param value a Json array, a collection, a comma-separated string, or null
   * @return its elements as strings, empty for null, or null when the value is not a list
   */
  public static List<String> strangar(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof SpinJsonNode json) {
      if (!json.isArray()) {
        return null;
      }
      List<String> list = new ArrayList<>();
      for (SpinJsonNode e : json.elements()) {
        list.add(e.isString() ? e.stringValue() : e.toString());
      }
      return list;
    }
    if (value instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    if (value instanceof String s) {
      String t = s.strip();
      if (t.startsWith("[")) {
        return strangar(org.camunda.spin.Spin.JSON(t));
      }
      return t.isEmpty() ? List.of()
          : java.util.Arrays.stream(t.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
    return null;
  }
}
