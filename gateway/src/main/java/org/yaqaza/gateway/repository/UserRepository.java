package org.yaqaza.gateway.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.gateway.model.DirectoryUser;

@ApplicationScoped
public class UserRepository implements DirectoryRepository<DirectoryUser> {

    @Override
    public String nameField() {
        return "username";
    }
}
