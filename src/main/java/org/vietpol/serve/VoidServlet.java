package org.vietpol.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.vietpol.export.VoidDescriber;

/** The dataset's VoID description at /void, computed from the store on each request (Turtle). */
final class VoidServlet extends HttpServlet {
    private final transient DatasetGraph dataset;
    private final String sparqlPath;

    VoidServlet(DatasetGraph dataset, String sparqlPath) {
        this.dataset = dataset;
        this.sparqlPath = sparqlPath;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String endpoint = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + sparqlPath;
        Graph g = VoidDescriber.describe(dataset, endpoint);
        resp.setContentType("text/turtle;charset=utf-8");
        RDFDataMgr.write(resp.getOutputStream(), g, Lang.TURTLE);
    }
}
