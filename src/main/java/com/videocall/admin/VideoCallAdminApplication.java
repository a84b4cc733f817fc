package com.videocall.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class VideoCallAdminApplication {

	public static void main(String[] args) {
		SpringApplication.run(VideoCallAdminApplication.class, args);
	}

}
