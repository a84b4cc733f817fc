package com.videocall.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * The banners waiting in a session for the page a redirect leads to (Spring MVC's flash
 * maps, kept in the session as usual): one per page at most, the newest, and at most
 * {@value #KEPT} in all.
 * <p>
 * A banner waits until its page is shown or for three minutes. When a second banner is
 * made for the same page before the first was shown (a double click, or a client that
 * does not follow its redirects), the browser follows the newer redirect: the older
 * banner describes a request whose page nobody will see, and left waiting Spring would
 * show it first, with its Undo, on that page and the newer one on a later page. So a
 * newer banner for a page replaces the older (X5, UN). The bound keeps a client that
 * posts to many pages without following the redirects (a script, a load generator) from
 * growing its session with every request; a person following their redirects, in a few
 * tabs at most, never has more.
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
class BoundedFlashMaps extends SessionFlashMapManager {

	private static final int KEPT = 10;

	/**
	 * None for the style sheet and the script: looking would read the session for them.
	 */
	@Override
	protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
		return StaticResources.PATHS.matches(request) ? null : super.retrieveFlashMaps(request);
	}

	@Override
	protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
		List<FlashMap> newest = new ArrayList<>(flashMaps.size());
		for (int i = 0; i < flashMaps.size(); i++) {
			if (!replacedLater(flashMaps, i)) {
				newest.add(flashMaps.get(i));
			}
		}
		if (newest.size() > KEPT) {
			newest = new ArrayList<>(newest.subList(newest.size() - KEPT, newest.size()));
		}
		super.updateFlashMaps(newest, request, response);
	}

	/** Whether a later banner waits for the same page (path and parameters). */
	private static boolean replacedLater(List<FlashMap> flashMaps, int index) {
		FlashMap flashMap = flashMaps.get(index);
		for (FlashMap later : flashMaps.subList(index + 1, flashMaps.size())) {
			if (Objects.equals(later.getTargetRequestPath(), flashMap.getTargetRequestPath())
					&& later.getTargetRequestParams().equals(flashMap.getTargetRequestParams())) {
				return true;
			}
		}
		return false;
	}

}
