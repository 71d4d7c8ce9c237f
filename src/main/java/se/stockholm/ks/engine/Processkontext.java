package se.stockholm.ks.engine;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

import se.stockholm.ks.diarium.Diarienummer;
import se.stockholm.ks.skrivelse.Variabler;

/** Small helpers every delegate and listener needs. */
public final class Processkontext {

  private Processkontext() {
  }

  /**
   * @param scope an execution or task of any of the process's models
   * @return the ärende's diarienummer
   * @throws IllegalStateException when the variable is missing
   */
  public static Diarienummer diarienummer(VariableScope scope) {
    Object value = scope.getVariable(Variabler.DIARIENUMMER);
    if (value == null) {
      throw new IllegalStateException("Processvariabeln diarienummer saknas");
    }
    return Diarienummer.parse(value.toString());
  }

  /**
   * @return the user on whose behalf the engine runs the current command (the official who
   *     completed a task or started a case), or null when the engine runs a job on its own
   */
  public static String anvandare() {
    if (Context.getCommandContext() == null) {
      return null;
    }
    Authentication authentication = Context.getCommandContext().getAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
