package org.yaqaza.intelligence.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.intelligence.model.Mention;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Mentions carry no marking: they are visible when both their report and their entity are. */
@ApplicationScoped
public class MentionRepository implements PanacheRepositoryBase<Mention, Mention.Key> {
}
