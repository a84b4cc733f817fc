package com.videocall.admin.signin.web;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as inline SVG, one path of dark modules on a white square with the quiet zone
 * QR readers need (4 modules). The text is encoded by Nayuki's QR Code generator; the SVG
 * holds nothing but numbers, so it is safe to write into the page unescaped.
 */
final class QrCodeSvg {

	private static final int QUIET_ZONE = 4;

	private QrCodeSvg() {
	}

	static String of(String text) {
		QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
		int size = qr.size + 2 * QUIET_ZONE;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
				+ "\" width=\"200\" height=\"200\" shape-rendering=\"crispEdges\" aria-hidden=\"true\" focusable=\"false\">"
				+ "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
	}

}
