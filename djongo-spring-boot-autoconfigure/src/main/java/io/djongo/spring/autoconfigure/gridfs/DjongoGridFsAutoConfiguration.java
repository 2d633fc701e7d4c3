package io.djongo.spring.autoconfigure.gridfs;

import com.mongodb.client.gridfs.GridFSBucket;
import io.djongo.spring.autoconfigure.DjongoAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoDatabaseFactoryAutoConfiguration;
import io.djongo.spring.autoconfigure.DjongoProperties;
import io.djongo.spring.core.gridfs.FileFieldCallbacks;
import io.djongo.spring.core.gridfs.GridFsStorage;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * GridFS for file and image fields: the default {@link GridFsStorage} bean, named
 * {@value GridFsStorage#DEFAULT_BEAN_NAME}, on the bucket {@code djongo.gridfs.bucket}, and the callbacks that bind the
 * files of {@code @FileField} and {@code @ImageField} properties to their storage when models are read (the
 * {@code DjongoTemplate} uploads and cleans them up as it writes and deletes models). Further storages are plain
 * {@code GridFsStorage} beans of the application; the {@code StoredFile} converters are part of
 * {@link DjongoAutoConfiguration}'s {@code MongoCustomConversions}.
 */
@AutoConfiguration(after = { DjongoAutoConfiguration.class, DjongoDatabaseFactoryAutoConfiguration.class,
		DataMongoAutoConfiguration.class })
@ConditionalOnClass({ GridFsStorage.class, GridFSBucket.class })
@ConditionalOnBean(MongoDatabaseFactory.class)
@EnableConfigurationProperties(DjongoProperties.class)
public final class DjongoGridFsAutoConfiguration {

	@Bean(GridFsStorage.DEFAULT_BEAN_NAME)
	@ConditionalOnMissingBean(name = GridFsStorage.DEFAULT_BEAN_NAME)
	GridFsStorage gridFsStorage(DjongoProperties properties) {
		return new GridFsStorage(properties.getGridfs().getBucket());
	}

	@Bean
	@ConditionalOnMissingBean
	FileFieldCallbacks djongoFileFieldCallbacks(MongoDatabaseFactory databaseFactory,
			MongoMappingContext mappingContext) {
		return new FileFieldCallbacks(databaseFactory, mappingContext);
	}

}
