package se.stockholm.ks.engine;

import java.util.Map;

import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A submitted value replaces a saved draft of the same name, so that it reaches the process.
 *
 * <p>A draft is a task-local variable (e.g. {@code PUT /engine-rest/task/{id}/localVariables/sarskiltUttalandeText}).
 * Without this, Camunda's {@code submit-form} sets a submitted variable where a variable of that name
 * already is — on the task — and the task's variables go with the task when it completes: the form is
 * answered 204 and the value is lost (a party's särskilt uttalande never reached the diarium). And
 * {@code complete} with variables sets them on the execution while the task listeners that check the
 * form still read the draft.
 *
 * <p>Here every submission (submit-form and complete, with or without variables in return) first
 * removes the task's local variables that have the name of a submitted variable, in the same
 * transaction as the submission: the submitted values then go where they go without a draft (the
 * process), the listeners check what was submitted, and a refused submission (403, a form error)
 * keeps the draft. Installed by {@link EnginePlugin}.
 */
public final class InskickErsatterUtkast {

  private InskickErsatterUtkast() {
  }

  /** The form service: {@code submit-form} of a task replaces its drafts. */
  public static class Formulartjanst extends FormServiceImpl {

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
      commandExecutor.execute(new UtanUtkast<>(taskId, properties, new SubmitTaskFormCmd(taskId, properties, false, false)));
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
                                                           boolean deserializeValues) {
      return commandExecutor.execute(new UtanUtkast<>(taskId, properties,
          new SubmitTaskFormCmd(taskId, properties, true, deserializeValues)));
    }
  }

  /** The task service: {@code complete} with variables replaces the task's drafts. */
  public static class Uppgiftstjanst extends TaskServiceImpl {

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
      commandExecutor.execute(new UtanUtkast<>(taskId, variables, new CompleteTaskCmd(taskId, variables, false, false)));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
                                                     boolean deserializeValues) {
      return commandExecutor.execute(new UtanUtkast<>(taskId, variables,
          new CompleteTaskCmd(taskId, variables, true, deserializeValues)));
    }
  }

  /**
   * Removes the task's local variables named as submitted ones, then runs the submission, in one
   * command (one transaction).
   */
  static final class UtanUtkast<T> implements Command<T> {

    private final String taskId;
    private final Map<String, ?> variabler;
    private final Command<T> inskick;

    UtanUtkast(String taskId, Map<String, ?> variabler, Command<T> inskick) {
      this.taskId = taskId;
      this.variabler = variabler;
      this.inskick = inskick;
    }

    @Override
    public T execute(CommandContext commandContext) {
      if (taskId != null && variabler != null && !variabler.isEmpty()) {
        TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
        if (task != null) {
          for (String namn : variabler.keySet()) {
            if (task.hasVariableLocal(namn)) {
              task.removeVariableLocal(namn);
            }
          }
        }
      }
      return inskick.execute(commandContext);
    }
  }
}
