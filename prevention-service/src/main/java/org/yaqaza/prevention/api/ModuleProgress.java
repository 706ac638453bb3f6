package org.yaqaza.prevention.api;

public record ModuleProgress(String code, String title, int requiredSessions, long attended) {
}
