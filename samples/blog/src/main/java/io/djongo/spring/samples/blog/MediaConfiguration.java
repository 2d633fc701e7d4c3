package io.djongo.spring.samples.blog;

import io.djongo.spring.core.gridfs.GridFsStorage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Uploaded media: the {@code avatars} storage on GridFS bucket {@code myfiles}, served under {@code /media/} by
 * Spring MVC's resource handler (byte ranges, {@code Last-Modified}, content type from the file name).
 */
@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

	@Bean
	GridFsStorage avatars() {
		return new GridFsStorage("myfiles");
	}

	@Bean
	WebMvcConfigurer mediaResources(GridFsStorage avatars) {
		return new WebMvcConfigurer() {

			@Override
			public void addResourceHandlers(ResourceHandlerRegistry registry) {
				registry.addResourceHandler("/media/**").addResourceLocations(avatars.getResource(""));
			}

		};
	}

}
