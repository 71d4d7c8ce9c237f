package se.stockholm.ks.engine;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Idempotency keys for handlingar registered from what a form put into the process. The key names
 * the variable instance that carried the content: the same job retried finds the same variable
 * (and registers nothing new), while a later round of the same step (after an återremiss)
 * brings a new variable, because the delegate removes the content once it is in the diarium.
 */
public final class Variabelkalla {

  private Variabelkalla() {
  }

  /**
   * @param execution the delegate's execution
   * @param variabel the variable that carries the content (text or file)
   * @return a key such as {@code var:4f1c…}; {@code akt:<activity instance>} when the variable is
   *     not found in the execution's scopes
   */
  public static String nyckel(DelegateExecution execution, String variabel) {
    Set<String> scopes = new HashSet<>();
    for (ExecutionEntity e = (ExecutionEntity) execution; e != null; e = e.getParent()) {
      scopes.add(e.getId());
    }
    return execution.getProcessEngineServices().getRuntimeService()
        .createVariableInstanceQuery()
        .processInstanceIdIn(execution.getProcessInstanceId())
        .variableName(variabel)
        .disableBinaryFetching()
        .disableCustomObjectDeserialization()
        .list().stream()
        .filter(v -> scopes.contains(v.getExecutionId()))
        .map(VariableInstance::getId)
        .findFirst()
        .map(id -> "var:" + id)
        .orElse("akt:" + execution.getActivityInstanceId() + ":" + variabel);
  }
}
