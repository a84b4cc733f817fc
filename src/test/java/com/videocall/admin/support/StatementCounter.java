package com.videocall.admin.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the SQL statements the current thread prepares while it runs some code: wraps
 * every {@link DataSource} bean in a JDK proxy whose connections count
 * {@code prepareStatement}, {@code createStatement} and {@code prepareCall}. MockMvc runs
 * a request on the calling thread, so {@link #count} measures exactly one request; other
 * threads are not counted. Part of every {@link IntegrationTest}, so that the test that
 * counts shares their application context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter implements BeanPostProcessor {

	private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

	private final ThreadLocal<int[]> counts = new ThreadLocal<>();

	/** Runs {@code work} and answers how many statements it prepared on this thread. */
	public int count(Callable<?> work) throws Exception {
		int[] count = new int[1];
		this.counts.set(count);
		try {
			work.call();
		}
		finally {
			this.counts.remove();
		}
		return count[0];
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource) {
			return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
					delegating(dataSource, this::countingConnection));
		}
		return bean;
	}

	private Object countingConnection(Method method, Object result) {
		if (result instanceof Connection connection && method.getName().equals("getConnection")) {
			return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					delegating(connection, (called, value) -> {
						int[] count = this.counts.get();
						if (count != null && STATEMENT_METHODS.contains(called.getName())) {
							count[0]++;
						}
						return value;
					}));
		}
		return result;
	}

	private static InvocationHandler delegating(Object target, ResultWrapper wrapper) {
		return (proxy, method, arguments) -> {
			try {
				return wrapper.wrap(method, method.invoke(target, arguments));
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		};
	}

	@FunctionalInterface
	private interface ResultWrapper {

		Object wrap(Method method, Object result);

	}

}
