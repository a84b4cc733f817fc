package com.videocall.admin.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the SQL statements the current thread prepares while it runs some code: wraps
 * every {@link DataSource} bean in a JDK proxy whose connections record
 * {@code prepareStatement}, {@code createStatement} and {@code prepareCall}. MockMvc runs
 * a request on the calling thread, so {@link #count} measures exactly one request; other
 * threads are not counted. The statements of the session store (Spring Session's tables
 * {@code SPRING_SESSION*}, the same few on every request) are told apart from the page's
 * own. Part of every {@link IntegrationTest}, so that the test that counts shares their
 * application context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter implements BeanPostProcessor {

	private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

	private final ThreadLocal<List<String>> statements = new ThreadLocal<>();

	/**
	 * Runs {@code work} and answers how many statements it prepared on this thread, the
	 * session store's aside.
	 */
	public int count(Callable<?> work) throws Exception {
		return (int) statements(work).stream().filter((sql) -> !isSessionStore(sql)).count();
	}

	/**
	 * Runs {@code work} and answers the SQL of the statements it prepared on this thread,
	 * in order, the session store's aside.
	 */
	public List<String> pageStatements(Callable<?> work) throws Exception {
		return statements(work).stream().filter((sql) -> !isSessionStore(sql)).toList();
	}

	/**
	 * Runs {@code work} and answers the SQL of the session store's statements it prepared
	 * on this thread, in order.
	 */
	public List<String> sessionStoreStatements(Callable<?> work) throws Exception {
		return statements(work).stream().filter(StatementCounter::isSessionStore).toList();
	}

	private List<String> statements(Callable<?> work) throws Exception {
		List<String> recorded = new ArrayList<>();
		this.statements.set(recorded);
		try {
			work.call();
		}
		finally {
			this.statements.remove();
		}
		return recorded;
	}

	private static boolean isSessionStore(String sql) {
		return sql.toUpperCase(Locale.ROOT).contains("SPRING_SESSION");
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource) {
			return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
					delegating(dataSource, this::countingConnection));
		}
		return bean;
	}

	private Object countingConnection(Method method, Object[] arguments, Object result) {
		if (result instanceof Connection connection && method.getName().equals("getConnection")) {
			return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					delegating(connection, (called, calledWith, value) -> {
						List<String> recorded = this.statements.get();
						if (recorded != null && STATEMENT_METHODS.contains(called.getName())) {
							recorded.add(
									(calledWith != null && calledWith.length > 0 && calledWith[0] instanceof String sql)
											? sql : "");
						}
						return value;
					}));
		}
		return result;
	}

	private static InvocationHandler delegating(Object target, ResultWrapper wrapper) {
		return (proxy, method, arguments) -> {
			try {
				return wrapper.wrap(method, arguments, method.invoke(target, arguments));
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		};
	}

	@FunctionalInterface
	private interface ResultWrapper {

		Object wrap(Method method, Object[] arguments, Object result);

	}

}
