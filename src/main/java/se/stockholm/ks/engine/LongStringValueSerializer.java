package se.stockholm.ks.engine;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Stores String variables longer than {@value #MAX_TEXT_COLUMN} characters in the engine's byte
 * array table instead of its {@code TEXT_} column, which is {@code varchar(4000)} on H2 and
 * PostgreSQL. A tjänsteutlåtande or särskilt uttalande of many pages, typed into a Tasklist form,
 * then survives the submit on every database; to Tasklist, Cockpit and the REST API the variable
 * stays an ordinary String. Shorter strings keep Camunda's own serializer (and stay queryable).
 *
 * <p>Registered in front of Camunda's serializers by {@link EnginePlugin}. The delegates then move
 * such texts into the diarium and leave a reference in the process.
 */
public class LongStringValueSerializer extends StringValueSerializer {

  /** Strings longer than this many characters go to the byte array table. */
  public static final int MAX_TEXT_COLUMN = 3900;

  /** The serializer's name, stored with each variable it writes. */
  public static final String NAME = "longString";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  protected boolean canWriteValue(TypedValue typedValue) {
    return super.canWriteValue(typedValue)
        && typedValue.getValue() instanceof String s
        && s.length() > MAX_TEXT_COLUMN;
  }

  @Override
  public void writeValue(StringValue value, ValueFields valueFields) {
    valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public StringValue readValue(ValueFields valueFields, boolean asTransientValue) {
    byte[] bytes = valueFields.getByteArrayValue();
    return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8),
        asTransientValue);
  }
}
