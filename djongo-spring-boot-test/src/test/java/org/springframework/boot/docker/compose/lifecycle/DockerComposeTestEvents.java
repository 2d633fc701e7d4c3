package org.springframework.boot.docker.compose.lifecycle;

import java.util.List;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.context.ApplicationContext;

/**
 * Test-only access to Spring Boot's package-private event constructor: the event its Docker Compose support publishes
 * once {@code docker compose up} has the services running, so that the connection-details wiring is tested without
 * Docker.
 */
public final class DockerComposeTestEvents {

	private DockerComposeTestEvents() {
	}

	public static DockerComposeServicesReadyEvent servicesReady(ApplicationContext context,
			List<RunningService> services) {
		return new DockerComposeServicesReadyEvent(context, services);
	}

}
