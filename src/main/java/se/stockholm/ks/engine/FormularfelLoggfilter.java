package se.stockholm.ks.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps a refused form out of the error log: the engine logs every exception that ends a command at
 * ERROR (ENGINE-16004), also a {@link FormFieldValidationException} — a user's input, answered with
 * 400 and shown in Tasklist, not a fault. Every other event passes.
 */
public class FormularfelLoggfilter extends Filter<ILoggingEvent> {

  @Override
  public FilterReply decide(ILoggingEvent event) {
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      if (t instanceof ThrowableProxy proxy && proxy.getThrowable() instanceof FormFieldValidationException) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
