package se.stockholm.ks.engine;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Lets a {@link FormFieldValidationException} from a task listener reach the caller as itself.
 *
 * <p>The engine wraps every exception a task listener throws in a {@link ProcessEngineException}
 * ({@code ENGINE-03051 There was an exception while invoking the TaskListener}, around another
 * {@code Exception while invoking TaskListener}). The listeners that
 * check a form ({@link Formular#kontrollera()}) would then reach the engine REST API as an internal
 * error (500) with that text around the Swedish message, and a Java caller would not see the
 * validation exception. This interceptor sits outside the transaction, so the command is rolled
 * back as before; it only unwraps plain {@link ProcessEngineException} wrappers around a validation
 * error, nothing else.
 */
public class FormularfelInterceptor extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      FormFieldValidationException fel = formularfel(e);
      throw fel != null ? fel : e;
    }
  }

  /** The validation error the engine wrapped (twice: invocation and listener), or null. */
  private static FormFieldValidationException formularfel(ProcessEngineException e) {
    Throwable t = e;
    while (t != null && t.getClass() == ProcessEngineException.class) {
      t = t.getCause();
    }
    return t instanceof FormFieldValidationException fel ? fel : null;
  }
}
