package io.haat.platform.messaging.dlt;

import io.haat.events.Topics;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Creates, when the service starts and before its Kafka listeners do, every topic it listens to and that topic's
 * dead-letter topic ({@code <topic>.DLT}) if missing, with the broker's defaults (partitions, replication) as the
 * broker's own automatic creation would. So a DLT exists before the first message fails: monitoring and
 * {@link DeadLetterReplay} find it, and the first failure does not wait for a topic to be made. If the broker cannot
 * be reached the service starts anyway (a warning); the topics are then created on first use as before.
 */
public class DeadLetterTopics implements SmartLifecycle {

    /** Starts before the listener containers ({@link AbstractMessageListenerContainer#DEFAULT_PHASE}). */
    public static final int PHASE = AbstractMessageListenerContainer.DEFAULT_PHASE - 100;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);

    private final ObjectProvider<KafkaListenerEndpointRegistry> registry;
    private final KafkaAdmin kafkaAdmin;
    private final Duration timeout;
    private volatile boolean running;

    public DeadLetterTopics(ObjectProvider<KafkaListenerEndpointRegistry> registry, KafkaAdmin kafkaAdmin, Duration timeout) {
        this.registry = registry;
        this.kafkaAdmin = kafkaAdmin;
        this.timeout = timeout;
    }

    @Override
    public void start() {
        running = true;
        Set<String> listened = listenedTopics();
        if (listened.isEmpty()) {
            return;
        }
        try {
            Set<String> created = ensure(listened);
            if (!created.isEmpty()) {
                log.info("Created Kafka topics {}", created);
            }
        } catch (RuntimeException e) {
            log.warn("Could not make sure the topics {} and their dead-letter topics exist (they are created on first use): {}",
                    listened, e.toString());
        }
    }

    /** The topics of every listener container that starts with the application. */
    Set<String> listenedTopics() {
        KafkaListenerEndpointRegistry endpoints = registry.getIfAvailable();
        Set<String> topics = new TreeSet<>();
        if (endpoints == null) {
            return topics;
        }
        for (MessageListenerContainer container : endpoints.getListenerContainers()) {
            String[] names = container.getContainerProperties().getTopics();
            if (container.isAutoStartup() && names != null) {
                topics.addAll(Arrays.asList(names));
            }
        }
        return topics;
    }

    /** Creates {@code topics} and their dead-letter topics where missing; returns the names it created. */
    public Set<String> ensure(Collection<String> topics) {
        Set<String> wanted = new TreeSet<>();
        for (String topic : topics) {
            wanted.add(topic);
            if (!topic.endsWith(Topics.DLT_SUFFIX)) {
                wanted.add(Topics.deadLetter(topic));
            }
        }
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        try (Admin admin = Admin.create(config)) {
            Set<String> missing = new TreeSet<>(wanted);
            missing.removeAll(admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            if (missing.isEmpty()) {
                return missing;
            }
            var results = admin.createTopics(missing.stream()
                    .map(name -> new NewTopic(name, Optional.empty(), Optional.empty())).toList()).values();
            Set<String> created = new TreeSet<>();
            for (var result : results.entrySet()) {
                try {
                    result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) { // another instance was quicker
                        throw new IllegalStateException("cannot create " + result.getKey() + ": " + e.getCause(), e.getCause());
                    }
                }
            }
            return created;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the topics: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
