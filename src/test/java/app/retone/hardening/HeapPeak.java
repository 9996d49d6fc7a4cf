package app.retone.hardening;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap while it watches, from the collector's own notifications and from samples every 10 ms:
 * the largest heap in use, garbage included (the heap is fullest just before a collection began;
 * sampling alone misses that top, since G1 brings the figure it reports up to date mostly at
 * collections), and the largest heap left in use after a collection (what was live, or still in
 * use by work under way: the most the program needed at once).
 */
final class HeapPeak implements AutoCloseable {

    private final AtomicLong beforeCollections = new AtomicLong();
    private final AtomicLong afterCollections = new AtomicLong();
    private final AtomicLong sampled = new AtomicLong();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<Runnable> stops = new ArrayList<>();

    /** Starts watching now. */
    HeapPeak() {
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                beforeCollections.accumulateAndGet(heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
                afterCollections.accumulateAndGet(heapUsed(info.getMemoryUsageAfterGc()), Math::max);
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            NotificationEmitter emitter = (NotificationEmitter) collector;
            emitter.addNotificationListener(listener, null, null);
            stops.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // already gone
                }
            });
        }
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(() -> sampled.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max), 0, 10, TimeUnit.MILLISECONDS);
        stops.add(sampler::shutdownNow);
    }

    private long heapUsed(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
    }

    /** The largest heap left in use after a collection, in bytes. */
    long largestAfterCollection() {
        return afterCollections.get();
    }

    /** The largest heap in use seen, in bytes. */
    long peak() {
        return Math.max(beforeCollections.get(), sampled.get());
    }

    /** The largest of the samples alone (the figure this test reported before it listened to the collector). */
    long sampledPeak() {
        return sampled.get();
    }

    /** Stops watching (the figures stay). */
    @Override
    public void close() {
        stops.forEach(Runnable::run);
    }
}
