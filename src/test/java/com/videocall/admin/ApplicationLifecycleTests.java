package com.videocall.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.videocall.admin.mail.Outbox;
import com.videocall.admin.mail.OutgoingEmail;
import com.videocall.admin.support.MailServer;
import com.videocall.admin.support.ManagementPort;
import com.videocall.admin.support.OwnApplication;
import com.videocall.admin.support.RawHttp;
import com.videocall.admin.support.SignIn;
import com.videocall.admin.support.TestDatabase;
import com.videocall.admin.support.TestOrganisation;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starting and stopping as a load balancer and an orchestrator see it (S2): no traffic
 * while the migrations run, and on stop, readiness refused at once, no new connection
 * taken, and the request and the email in progress finished before the application ends.
 * Each test starts the application on its own.
 */
class ApplicationLifecycleTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Test
	void refusesTrafficWhileTheMigrationsRunAndTakesItOnceStarted() throws IOException {
		int port = freePort();
		int managementPort = freePort();
		try (ConfigurableApplicationContext app = OwnApplication.start(List.of(MigrationWatch.class), List.of(),
				"--server.port=" + port, "--management.server.port=" + managementPort)) {
			List<Moment> migrating = app.getBean(Moments.class);
			assertThat(migrating).as("one moment per migration").hasSizeGreaterThanOrEqualTo(7);
			assertThat(migrating).allSatisfy((moment) -> {
				assertThat(moment.readiness()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
				assertThat(moment.applicationPortOpen()).as("application port open").isFalse();
				assertThat(moment.managementPortOpen()).as("management port open").isFalse();
			});

			assertThat(new RawHttp(port, "127.0.0.81").header("Accept", "*/*").send("GET", "/readyz", null).status())
				.isEqualTo(200);
			assertThat(new ManagementPort(managementPort).get("/actuator/health/readiness").status()).isEqualTo(200);
		}
	}

	@Test
	void finishesTheRequestAndTheEmailInProgressWhenStoppedAndStartsNothingNew() throws Exception {
		ConfigurableApplicationContext app = OwnApplication.start(List.of(HeldMailServer.class),
				List.of(new MailServer.Initializer()));
		CompletableFuture<Void> stopped = null;
		HeldSender sender = app.getBean(HeldSender.class);
		try {
			int port = OwnApplication.port(app);
			ManagementPort management = new ManagementPort(OwnApplication.managementPort(app));
			ApplicationAvailability availability = app.getBean(ApplicationAvailability.class);
			MailServer mail = new MailServer(app.getBean(JdbcClient.class));
			String database = app.getEnvironment().getRequiredProperty("spring.datasource.url");

			List<String> recipients = queueEmails(app, 3);
			// The email in progress may be one of the demo's invitation emails, queued at
			// start-up before these.
			assertThat(sender.sending.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("first email sent").isTrue();
			RawHttp person = new RawHttp(port, "127.0.0.82").startSession();
			RawHttp.Held signIn = person.hold("POST", "/sign-in",
					person.form("email", SignIn.ADMIN, "password", "demo-password"), 5);
			ThreadPoolExecutor requests = requestThreads(app);
			await().atMost(PATIENCE).until(() -> requests.getActiveCount() == 1);

			stopped = CompletableFuture.runAsync(app::close);
			await().atMost(PATIENCE).until(() -> availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);
			await().atMost(PATIENCE).until(() -> !open(port));
			assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(503);
			assertThat(stopped).isNotDone();

			RawHttp.Response signedIn = signIn.finish();
			assertThat(signedIn.status()).isEqualTo(302);
			assertThat(signedIn.location()).endsWith("/");
			sender.released.countDown();
			stopped.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

			assertThat(mail.receivedBy(sender.recipient)).as("the email in progress").hasSize(1);
			assertThat(sentTo(database)).as("the only email sent").containsExactly(sender.recipient);
			assertThat(recipients).filteredOn((recipient) -> !recipient.equals(sender.recipient))
				.allSatisfy((recipient) -> assertThat(mail.receivedBy(recipient)).isEmpty());
		}
		finally {
			sender.released.countDown();
			app.close();
		}
	}

	private static List<String> queueEmails(ConfigurableApplicationContext app, int count) {
		Outbox outbox = app.getBean(Outbox.class);
		List<String> recipients = new CopyOnWriteArrayList<>();
		app.getBean(TransactionTemplate.class).executeWithoutResult((status) -> {
			for (int i = 0; i < count; i++) {
				String recipient = TestOrganisation.email("stopping-" + i);
				outbox.queue(new OutgoingEmail(recipient, "Held", "Text", "<p>Text</p>"), null, null, Set.of(),
						app.getBean(Clock.class).instant());
				recipients.add(recipient);
			}
		});
		return recipients;
	}

	private static ThreadPoolExecutor requestThreads(ConfigurableApplicationContext app) {
		TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) app).getWebServer();
		return (ThreadPoolExecutor) server.getTomcat().getConnector().getProtocolHandler().getExecutor();
	}

	/** Read after the application has gone, on a connection of the test's own. */
	private static List<String> sentTo(String database) {
		JdbcClient jdbc = JdbcClient
			.create(new DriverManagerDataSource(database, TestDatabase.user(), TestDatabase.password()));
		return jdbc.sql("select recipient from video_call_admin.outbound_email where status = 'SENT'")
			.query(String.class)
			.list();
	}

	private static boolean open(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** What the application looked like from outside while one migration had run. */
	record Moment(String migration, ReadinessState readiness, boolean applicationPortOpen, boolean managementPortOpen) {
	}

	static class Moments extends CopyOnWriteArrayList<Moment> {

	}

	/** A Flyway callback that looks at the application after each migration. */
	static class MigrationWatch {

		@Bean
		Moments moments() {
			return new Moments();
		}

		@Bean
		BaseCallback watchMigrations(Moments moments, ApplicationAvailability availability, Environment environment) {
			int port = environment.getRequiredProperty("server.port", Integer.class);
			int managementPort = environment.getRequiredProperty("management.server.port", Integer.class);
			return new BaseCallback() {

				@Override
				public boolean supports(Event event, Context context) {
					return event == Event.AFTER_EACH_MIGRATE;
				}

				@Override
				public void handle(Event event, Context context) {
					// A repeatable migration has no version: its description names it.
					MigrationInfo migration = context.getMigrationInfo();
					String name = (migration.getVersion() != null) ? migration.getVersion().toString()
							: migration.getDescription();
					moments.add(new Moment(name, availability.getReadinessState(), open(port), open(managementPort)));
				}

			};
		}

	}

	/** The mail server, reached through a sender that holds each email until released. */
	static class HeldMailServer {

		@Bean
		HeldSender mailSender(Environment environment) {
			HeldSender sender = new HeldSender();
			sender.setHost(environment.getRequiredProperty("spring.mail.host"));
			sender.setPort(environment.getRequiredProperty("spring.mail.port", Integer.class));
			return sender;
		}

	}

	/** The application's sender, whose SMTP transport holds each email until released. */
	static class HeldSender extends JavaMailSenderImpl {

		final CountDownLatch sending = new CountDownLatch(1);

		final CountDownLatch released = new CountDownLatch(1);

		volatile String recipient;

		HeldSender() {
			Session session = getSession();
			session.getProperties().put(HeldTransport.SENDER, this);
			try {
				session.setProvider(
						new Provider(Provider.Type.TRANSPORT, "smtp", HeldTransport.class.getName(), "test", "1"));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** The SMTP transport of a {@link HeldSender}'s session. */
	public static class HeldTransport extends SMTPTransport {

		static final String SENDER = HeldSender.class.getName();

		private final HeldSender sender;

		public HeldTransport(Session session, URLName url) {
			super(session, url);
			this.sender = (HeldSender) session.getProperties().get(SENDER);
		}

		@Override
		public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
			this.sender.recipient = addresses[0].toString();
			this.sender.sending.countDown();
			try {
				this.sender.released.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			super.sendMessage(message, addresses);
		}

	}

}
