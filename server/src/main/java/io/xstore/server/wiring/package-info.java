/**
 * Beans that join the write side to the read models and to other aggregates' commands: the implementations of the
 * ports the command side declares (project contents, task operations for projects and models, task liveness).
 */
package io.xstore.server.wiring;
