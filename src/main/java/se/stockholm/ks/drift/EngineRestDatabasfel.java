package se.stockholm.ks.drift;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;

import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine's REST API ({@code /engine-rest}) with the database away: Camunda's exception mappers
 * answer every engine error with 500 and its own JSON; this answers an error caused by the
 * database being away with 503, {@code Retry-After} and problem+json instead (with Camunda's
 * {@code type} and {@code message} fields kept, so Camunda's clients still read it). The exception
 * is noted when Jersey meets it and the mapped answer replaced in a response filter.
 */
public class EngineRestDatabasfel implements ApplicationEventListener, ContainerResponseFilter {

  private static final String EGENSKAP = EngineRestDatabasfel.class.getName() + ".fel";

  private final Databasvakt vakt;
  private final ObjectMapper json;

  /**
   * @param vakt the database watch, told of every outage met here
   * @param json writes the problem detail
   */
  public EngineRestDatabasfel(Databasvakt vakt, ObjectMapper json) {
    this.vakt = vakt;
    this.json = json;
  }

  @Override
  public void onEvent(ApplicationEvent event) {
    // nothing at the application level
  }

  @Override
  public RequestEventListener onRequest(RequestEvent requestEvent) {
    return event -> {
      if (event.getType() == RequestEvent.Type.ON_EXCEPTION && event.getException() != null
          && Databasfel.arOtillganglig(event.getException())) {
        event.getContainerRequest().setProperty(EGENSKAP, event.getException());
      }
    };
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object fel = request.getProperty(EGENSKAP);
    if (!(fel instanceof Throwable t)) {
      return;
    }
    vakt.markeraOtillganglig(t);
    var problem = Databasfel.problem(request.getUriInfo().getRequestUri().getRawPath());
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getInstance() != null) {
      body.put("instance", problem.getInstance().toString());
    }
    body.put("message", problem.getDetail());
    response.setStatus(503);
    response.getHeaders().putSingle("Retry-After", String.valueOf(Databasfel.FORSOK_IGEN.toSeconds()));
    try {
      response.setEntity(json.writeValueAsString(body), new java.lang.annotation.Annotation[0],
          MediaType.valueOf("application/problem+json"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
