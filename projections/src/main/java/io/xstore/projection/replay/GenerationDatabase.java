package io.xstore.projection.replay;

import com.mongodb.client.ListCollectionNamesIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The database with the read-model collections of one generation under their plain names: {@code getCollection}
 * of a read model answers a collection that resolves {@code <name><suffix>} at each call (so a collection a reader
 * keeps in a field follows a switch of the live generation), and {@code listCollectionNames} shows them under their
 * plain names. Everything else goes to the database as it is. The one place where read-model names are redirected
 * (see {@link ReadModelGeneration}, {@link OnlineReplay}); projections and readers are unchanged.
 */
public final class GenerationDatabase {

    private GenerationDatabase() {
    }

    public static MongoDatabase of(MongoDatabase database, Set<String> readModels, Supplier<String> suffix) {
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getCollection") && args != null && args[0] instanceof String name
                            && readModels.contains(name)) {
                        Class<?> documents = args.length > 1 ? (Class<?>) args[1] : Document.class;
                        return collection(database, name, documents, suffix, List.of());
                    }
                    if (method.getName().equals("listCollectionNames") && (args == null || args.length == 0)) {
                        return plainNames(database.listCollectionNames(), readModels, suffix.get());
                    }
                    return invoke(method, database, args);
                });
    }

    /** The collection names with this generation's read models under their plain names. */
    private static Object plainNames(ListCollectionNamesIterable names, Set<String> readModels, String current) {
        com.mongodb.Function<String, String> plain = physical -> current.isEmpty() || !physical.endsWith(current)
                || !readModels.contains(physical.substring(0, physical.length() - current.length()))
                ? physical : physical.substring(0, physical.length() - current.length());
        return Proxy.newProxyInstance(ListCollectionNamesIterable.class.getClassLoader(),
                new Class<?>[] {ListCollectionNamesIterable.class}, (proxy, method, args) -> {
                    if (method.getReturnType() == ListCollectionNamesIterable.class) {
                        return plainNames((ListCollectionNamesIterable) invoke(method, names, args), readModels,
                                current);
                    }
                    return invoke(method, names.map(plain), args);
                });
    }

    /** A collection whose every call goes to {@code <name><suffix>} as the suffix is at that moment. */
    private static Object collection(MongoDatabase database, String name, Class<?> documents,
                                     Supplier<String> suffix, List<UnaryOperator<MongoCollection<?>>> settings) {
        return Proxy.newProxyInstance(MongoCollection.class.getClassLoader(), new Class<?>[] {MongoCollection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("with") && method.getReturnType() == MongoCollection.class) {
                        List<UnaryOperator<MongoCollection<?>>> more = new ArrayList<>(settings);
                        more.add(c -> (MongoCollection<?>) invokeUnchecked(method, c, args));
                        Class<?> type = method.getName().equals("withDocumentClass") ? (Class<?>) args[0] : documents;
                        return collection(database, name, type, suffix, more);
                    }
                    MongoCollection<?> target = database.getCollection(name + suffix.get(), documents);
                    for (UnaryOperator<MongoCollection<?>> setting : settings) {
                        target = setting.apply(target);
                    }
                    return invoke(method, target, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object invokeUnchecked(Method method, Object target, Object[] args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
