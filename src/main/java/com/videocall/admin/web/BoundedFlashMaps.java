package com.videocall.admin.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The banners waiting in a session for the page a redirect leads to (Spring MVC's flash
 * maps, kept in the session as usual), at most {@value #KEPT} of them: the newest. Each
 * waits until its page is shown or for three minutes; a client that posts without
 * following the redirects (a script, a load generator) would otherwise grow its session
 * by one with every request, and every later request of that session would read and write
 * them all. A person following their redirects, in a few tabs at most, never has more.
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
class BoundedFlashMaps extends SessionFlashMapManager {

	private static final int KEPT = 10;

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
		List<FlashMap> newest = (flashMaps.size() > KEPT)
				? new ArrayList<>(flashMaps.subList(flashMaps.size() - KEPT, flashMaps.size())) : flashMaps;
		super.updateFlashMaps(newest, request, response);
	}

}
