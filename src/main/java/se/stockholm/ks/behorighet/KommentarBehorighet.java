package se.stockholm.ks.behorighet;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

import se.stockholm.ks.security.Grupper;

/**
 * Task comments have the task's rights, through every door (engine REST, the webapps' API, the
 * Java API with an authenticated user). Camunda checks rights when a comment is changed or
 * deleted, but not when one is read or added; this interceptor adds the checks:
 *
 * <ul>
 *   <li>reading the comments of an open task: the right to read the task (READ on the task, as its
 *       candidate group or assignee has);</li>
 *   <li>adding a comment to an open task: the right to work on it (as completing it);</li>
 *   <li>comments of a task no longer open, and all comments of a process instance (which include
 *       its tasks' comments): {@code processagare} and {@code camunda-admin} only;</li>
 *   <li>adding a comment to a process instance: UPDATE on the instance.</li>
 * </ul>
 * A refusal is the engine's {@link AuthorizationException} (403 at the REST doors).
 */
public class KommentarBehorighet extends CommandInterceptor {

  private static final Set<String> LASER_ALLT = Set.of(Grupper.PROCESSAGARE, Grupper.CAMUNDA_ADMIN);

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof GetTaskCommentsCmd || command instanceof GetTaskCommentCmd
        || command instanceof AddCommentCmd || command instanceof GetProcessInstanceCommentsCmd) {
      return next.execute(context -> {
        kontrollera(command, context);
        return command.execute(context);
      });
    }
    return next.execute(command);
  }

  private void kontrollera(Command<?> command, CommandContext context) {
    Authentication user = context.getAuthentication();
    if (user == null || !context.isAuthorizationCheckEnabled()) {
      return;
    }
    List<CommandChecker> checkers = context.getProcessEngineConfiguration().getCommandCheckers();
    String taskId = falt(command, "taskId");
    String processInstanceId = falt(command, "processInstanceId");
    boolean laserAllt = user.getGroupIds() != null && user.getGroupIds().stream().anyMatch(LASER_ALLT::contains);
    if (taskId != null) {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        if (!laserAllt && !(command instanceof AddCommentCmd)) {
          throw nej(user, "läsa kommentarer på en avslutad uppgift");
        }
        return; // adding to a task that does not exist: the engine refuses it itself
      }
      for (CommandChecker c : checkers) {
        if (command instanceof AddCommentCmd) {
          c.checkTaskWork(task);
        } else {
          c.checkReadTask(task);
        }
      }
    } else if (processInstanceId != null) {
      if (command instanceof AddCommentCmd) {
        checkers.forEach(c -> c.checkUpdateProcessInstanceById(processInstanceId));
      } else if (!laserAllt) {
        throw nej(user, "läsa kommentarer på en processinstans");
      }
    }
  }

  private static AuthorizationException nej(Authentication user, String vad) {
    return new AuthorizationException("Användaren " + user.getUserId() + " får inte " + vad + ".");
  }

  private static String falt(Object command, String namn) {
    for (Class<?> c = command.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(namn);
        f.setAccessible(true);
        Object v = f.get(command);
        return v == null ? null : v.toString();
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return null;
  }
}
