package org.yaqaza.console.api;

/** The note a supervisor writes with an approval or a rejection (the APIs take it optional, up to 2000 chars). */
public record DecisionNote(String note) {
}
