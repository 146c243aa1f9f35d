package io.xstore.query.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xstore.protocol.ApiException;
import io.xstore.query.TestCalls;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Request JSON in, MongoDB filter JSON out (single quotes stand for double quotes). */
class FilterBuilderTest {

    private static String filter(EntitySpec spec, String json) {
        try {
            ObjectNode body = (ObjectNode) TestCalls.JSON.readTree(json.replace('\'', '"'));
            return FilterBuilder.build(spec, body).toBsonDocument().toJson().replace('"', '\'')
                    .replaceAll("\\{'\\$regularExpression': \\{'pattern': ('(?:[^'\\\\]|\\\\.)*'), 'options': ('[a-z]*')}}",
                            "{'\\$regex': $1, '\\$options': $2}");
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String task(String json) {
        return filter(EntitySpecs.TASK, json);
    }

    @Test
    void emptyBodyIsNoFilter() {
        assertEquals("{}", task("{'only_fields': ['id'], 'page': 0, 'unknown': 1}"));
    }

    @Test
    void patternFieldIsARegex() {
        assertEquals("{'name': {'$regex': '^examples$', '$options': ''}}", task("{'name': '^examples$'}"));
    }

    @Test
    void namedGroupsAndBracesAreTranslated() {
        assertEquals("{'name': {'$regex': '(?<x>a)\\\\k<x>\\\\{b\\\\z', '$options': ''}}",
                task("{'name': '(?P<x>a)(?P=x){b\\\\Z'}"));
    }

    @Test
    void listValueOrSingleValueMeansIn() {
        assertEquals("{'_id': {'$in': ['a', 'b']}}", task("{'id': ['a', 'b']}"));
        assertEquals("{'status': {'$in': ['created']}}", task("{'status': 'created'}"));
    }

    @Test
    void legacyExclusionAndNotOperator() {
        assertEquals("{'$and': [{'system_tags': {'$in': ['a']}}, {'system_tags': {'$nin': ['archived']}}]}",
                task("{'system_tags': ['a', '-archived']}"));
        assertEquals("{'system_tags': {'$nin': ['archived']}}", task("{'system_tags': ['__$not', 'archived']}"));
    }

    @Test
    void leadingOperatorSetsHowGroupsCombine() {
        assertEquals("{'$or': [{'tags': {'$in': ['a']}}, {'tags': {'$all': ['b', 'c']}}]}",
                task("{'tags': ['__$or', 'a', '__$and', 'b', 'c']}"));
        assertEquals("{'$and': [{'tags': {'$all': ['b']}}, {'tags': {'$nin': ['-c']}}]}",
                task("{'tags': ['__$all', 'b', '__$not', '-c']}"));
    }

    @Test
    void resetOperatorRestoresDefaultsAndLegacyPrefix() {
        assertEquals("{'$and': [{'tags': {'$in': ['a', 'b']}}, {'tags': {'$all': ['a']}}, {'tags': {'$nin': ['c']}}]}",
                task("{'tags': ['a', '__$all', 'a', '__$nop', 'b', '-c']}"));
    }

    @Test
    void nullAlsoMatchesMissingOrEmpty() {
        assertEquals("{'$or': [{'parent': {'$in': ['p']}}, {'parent': {'$exists': false}}, {'parent': []}, "
                + "{'parent': null}]}", task("{'parent': ['p', null]}"));
        assertEquals("{'$or': [{'tags': {'$exists': false}}, {'tags': []}, {'tags': null}]}", task("{'tags': [null]}"));
    }

    @Test
    void operatorErrorsAre400Subcode16() {
        assertEquals(16, assertThrows(ApiException.class, () -> task("{'tags': ['__$bad']}")).subcode());
        assertEquals(16, assertThrows(ApiException.class, () -> task("{'tags': ['__$not']}")).subcode());
        assertEquals(16, assertThrows(ApiException.class, () -> task("{'tags': ['__$not', '__$all', 'a']}")).subcode());
        assertEquals(16, assertThrows(ApiException.class, () -> task("{'tags': [1]}")).subcode());
        assertEquals(16, assertThrows(ApiException.class, () -> task("{'tags': ['-']}")).subcode());
    }

    @Test
    void hyperparamPathsAreEscapedPartByPart() {
        assertEquals("{'hyperparams.Args.50%25.value': {'$in': ['0.1']}}",
                task("{'hyperparams.Args.50%.value': '0.1'}"));
        assertEquals("{'hyperparams.Ar%24gs.value': {'$in': ['x']}}",
                task("{'hyperparams.Ar$gs.value': 'x'}"));
    }

    @Test
    void rangeFields() {
        assertEquals("{'$and': [{'last_iteration': {'$gte': 1}}, {'last_iteration': {'$lte': 5}}]}",
                task("{'last_iteration': [1, 5]}"));
        assertEquals("{'$or': [{'active_duration': {'$lte': 5}}, {'active_duration': null}]}",
                task("{'active_duration': [null, 5]}"));
        assertEquals("{'created': {'$gte': {'$date': '2025-01-01T00:00:00Z'}}}",
                task("{'created': ['2025-01-01', null]}"));
        assertEquals("{'last_metrics.a.b.value': {'$gte': 0.5}}", task("{'last_metrics.a.b.value': ['0.5', null]}"));
    }

    @Test
    void datetimeFields() {
        assertEquals("{'$and': [{'last_update': {'$gt': {'$date': '2025-01-13T16:32:13.123Z'}}}, "
                        + "{'last_update': {'$lte': {'$date': '2025-02-01T00:00:00Z'}}}]}",
                task("{'last_update': ['>2025-01-13T16:32:13.123000+00:00', '<=2025-02-01']}"));
        assertEquals("{'status_changed': {'$gte': {'$date': '2001-09-09T01:46:40Z'}}}",
                task("{'status_changed': ['>=1000000000']}"));
    }

    @Test
    void equalityFields() {
        assertEquals("{'runtime.progress': '100'}", task("{'runtime.progress': '100'}"));
        assertEquals("{'ready': true}", filter(EntitySpecs.MODEL, "{'ready': true}"));
    }

    @Test
    void multiFieldPatternAndDatetime() {
        assertEquals("{'$or': [{'name': {'$regex': 'x', '$options': 'i'}}, {'_id': {'$regex': 'x', '$options': 'i'}}]}",
                task("{'_any_': {'fields': ['name', 'id'], 'pattern': 'x'}}"));
        assertEquals("{'last_update': {'$gte': {'$date': '2025-01-01T00:00:00Z'}}}",
                task("{'_all_': {'fields': ['last_update', 'name'], 'datetime': ['>=2025-01-01']}}"));
        assertEquals(16, assertThrows(ApiException.class,
                () -> task("{'_any_': {'fields': ['name'], 'pattern': 'x', 'datetime': '>2025-01-01'}}")).subcode());
    }

    @Test
    void structuredFilters() {
        assertEquals("{'$and': [{'$or': [{'tags': {'$in': ['a']}}, {'tags': {'$not': {'$all': ['b']}}}]}, "
                        + "{'$and': [{'tags': {'$all': ['c']}}, {'tags': {'$nin': ['d']}}]}]}",
                task("{'filters': {'tags': {'any': {'include': ['a'], 'exclude': ['b']}, "
                        + "'all': {'include': ['c'], 'exclude': ['d']}}}}"));
        assertEquals("{'$or': [{'system_tags': {'$in': ['a']}}, {'system_tags': {'$all': ['c']}}]}",
                task("{'filters': {'system_tags': {'any': {'include': ['a']}, 'all': {'include': ['c']}, 'op': 'or'}}}"));
        assertEquals(12, assertThrows(ApiException.class,
                () -> task("{'filters': {'tags': {'any': {'include': ['a']}, 'op': 'xor'}}}")).subcode());
    }

    @Test
    void projectFilters() {
        assertEquals("{'$and': [{'basename': {'$regex': 'b', '$options': ''}}, {'path': {'$in': ['p1']}}]}",
                filter(EntitySpecs.PROJECT, "{'basename': 'b', 'path': ['p1']}"));
    }
}
