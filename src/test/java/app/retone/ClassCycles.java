package app.retone;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cycles among Retone's top-level classes: the strongly connected components of the graph in
 * which a class points at every other class it uses (Tarjan's algorithm), each with more than one
 * class. A nested, inner, anonymous or local class counts as its top-level class, as its source
 * file does.
 *
 * <p>A use is either of two things. A dependency ArchUnit reads from the bytecode: a call, a field,
 * a type in a signature, an annotation. Or a class the source file names in its code ({@link
 * MainSource#namedClasses}): this adds what the bytecode no longer shows, a compile-time constant
 * ({@code static final} primitive or String) that javac copies into its users, which still makes
 * the two files depend on each other.
 *
 * <p>A sealed type's {@code permits} list is not a use. ArchUnit (1.4.1, the version here) does
 * not import it, and the source reading skips it. A sealed type and the classes it permits are one
 * closed type by design (each of them implementing it is the use that counts, and the list is what
 * makes a switch over them complete); counting it would forbid every sealed type with its
 * implementations in files of their own. Any other use a sealed type makes of them still counts.
 */
final class ClassCycles {

    /** Each top-level class, and for each top-level class it uses, the first such use found. */
    private final Map<String, Map<String, String>> uses = new TreeMap<>();

    private ClassCycles() {
    }

    /** The use graph of {@code classes}, keeping only uses of classes among them. */
    static ClassCycles of(Collection<JavaClass> classes) {
        ClassCycles graph = new ClassCycles();
        Set<String> known = new HashSet<>();
        for (JavaClass javaClass : classes) {
            known.add(topLevelOf(javaClass).getName());
        }
        for (JavaClass javaClass : classes) {
            String self = topLevelOf(javaClass).getName();
            Map<String, String> used = graph.uses.computeIfAbsent(self, name -> new TreeMap<>());
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                String target = topLevelOf(dependency.getTargetClass()).getName();
                if (known.contains(target) && !target.equals(self)) {
                    used.putIfAbsent(target, dependency.getDescription());
                }
            }
        }
        for (MainSource source : MainSource.all()) {
            Map<String, String> used = graph.uses.computeIfAbsent(source.className(), name -> new TreeMap<>());
            for (String target : source.namedClasses(known)) {
                used.putIfAbsent(target, source.file() + " names " + target + " in its code");
            }
        }
        return graph;
    }

    /** Every use one class of {@code cycle} makes of another, the first found for each pair: where it may be cut. */
    List<String> usesWithin(Set<String> cycle) {
        List<String> within = new ArrayList<>();
        for (String from : cycle) {
            uses.get(from).forEach((to, how) -> {
                if (cycle.contains(to)) {
                    within.add(simpleName(from) + " uses " + simpleName(to) + ": " + how);
                }
            });
        }
        return within;
    }

    /**
     * The cycles: each a set of two or more classes from which every one can reach every other,
     * sorted by name, the largest such sets (so a class is in one cycle at most).
     */
    List<Set<String>> cycles() {
        return new Tarjan().components().stream().filter(component -> component.size() > 1).toList();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    static JavaClass topLevelOf(JavaClass javaClass) {
        JavaClass top = javaClass;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    /** Tarjan's strongly connected components, iterative so a long chain cannot overflow the stack. */
    private final class Tarjan {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> lowLink = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> components = new ArrayList<>();

        List<Set<String>> components() {
            for (String node : uses.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String root) {
            Deque<Map.Entry<String, List<String>>> work = new ArrayDeque<>();
            enter(root, work);
            while (!work.isEmpty()) {
                Map.Entry<String, List<String>> frame = work.peekLast();
                String node = frame.getKey();
                List<String> pending = frame.getValue();
                if (!pending.isEmpty()) {
                    String next = pending.remove(pending.size() - 1);
                    if (!index.containsKey(next)) {
                        enter(next, work);
                    } else if (onStack.contains(next)) {
                        lowLink.merge(node, index.get(next), Math::min);
                    }
                    continue;
                }
                work.removeLast();
                if (!work.isEmpty()) {
                    lowLink.merge(work.peekLast().getKey(), lowLink.get(node), Math::min);
                }
                if (lowLink.get(node).equals(index.get(node))) {
                    Set<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.removeLast();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    components.add(component);
                }
            }
        }

        private void enter(String node, Deque<Map.Entry<String, List<String>>> work) {
            index.put(node, index.size());
            lowLink.put(node, index.get(node));
            stack.addLast(node);
            onStack.add(node);
            work.addLast(Map.entry(node, new ArrayList<>(uses.getOrDefault(node, Map.of()).keySet())));
        }
    }
}
