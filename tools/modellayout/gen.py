"""Tiny BPMN writer with a grid layout (lanes x columns x rows) and orthogonal edges.

Writes the semantic model and the diagram interchange from one description, so that every
element is drawn and laid out without overlaps. Output is meant to be edited later in Camunda
Modeler; this script is a scaffolding aid and is not part of the repository.
"""
from xml.sax.saxutils import escape, quoteattr

COL_W = 170
ROW_H = 140
POOL_X = 100
POOL_Y = 60
POOL_LABEL = 30
LANE_LABEL = 30
X0 = POOL_X + POOL_LABEL + LANE_LABEL + 50  # left edge of column 0's cell

SIZES = {
    'task': (120, 80), 'event': (36, 36), 'gateway': (50, 50),
}


def lines_for(text, width_chars=18):
    words = (text or '').split()
    lines, cur = [], ''
    for w in words:
        if len(cur) + len(w) + 1 > width_chars and cur:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + ' ' + w).strip()
    if cur:
        lines.append(cur)
    return max(1, len(lines))


class Node:
    def __init__(self, id, tag, name, lane, col, row, kind, body='', attrs=None, parent=None,
                 size=None, dx=0, dy=0):
        self.id, self.tag, self.name, self.lane, self.col, self.row = id, tag, name, lane, col, row
        self.kind = kind
        self.body = body
        self.attrs = attrs or {}
        self.parent = parent
        self.incoming, self.outgoing = [], []
        self.size = size
        self.dx, self.dy = dx, dy
        self.x = self.y = self.w = self.h = 0
        self.children = []
        self.label_pos = 'below'

    @property
    def cx(self):
        return self.x + self.w / 2

    @property
    def cy(self):
        return self.y + self.h / 2


class Flow:
    def __init__(self, id, src, tgt, name=None, cond=None, route=None, label=None):
        self.id, self.src, self.tgt, self.name, self.cond, self.route = id, src, tgt, name, cond, route
        self.label = label
        self.points = []
        self.label_bounds = None


class Model:
    def __init__(self, process_id, process_name, lanes, participant_name, version_tag='1.0.0',
                 ttl='P730D', documentation=None, startable=True, extra_process_xml='',
                 messages=(), errors=(), lane_rows=None, width_cols=None, col_w=COL_W):
        self.pid, self.pname = process_id, process_name
        self.lanes = lanes  # list of (id, name, rows)
        self.participant = participant_name
        self.version_tag, self.ttl, self.doc = version_tag, ttl, documentation
        self.startable = startable
        self.extra = extra_process_xml
        self.messages, self.errors = messages, errors
        self.nodes, self.flows = {}, []
        self.order = []
        self.width_cols = width_cols
        self.col_w = col_w

    # -- elements ---------------------------------------------------------------------------
    def add(self, node):
        assert node.id not in self.nodes, node.id
        self.nodes[node.id] = node
        self.order.append(node)
        if node.parent:
            self.nodes[node.parent].children.append(node)
        return node

    def start(self, id, name, lane, col, row=0, body='', **attrs):
        return self.add(Node(id, 'startEvent', name, lane, col, row, 'event', body, attrs, attrs.pop('parent', None)))

    def end(self, id, name, lane, col, row=0, body='', **attrs):
        return self.add(Node(id, 'endEvent', name, lane, col, row, 'event', body, attrs, attrs.pop('parent', None)))

    def catch(self, id, name, lane, col, row=0, body='', **attrs):
        return self.add(Node(id, 'intermediateCatchEvent', name, lane, col, row, 'event', body, attrs,
                             attrs.pop('parent', None)))

    def task(self, tag, id, name, lane, col, row=0, body='', **attrs):
        return self.add(Node(id, tag, name, lane, col, row, 'task', body, attrs, attrs.pop('parent', None)))

    def gateway(self, id, name, lane, col, row=0, tag='exclusiveGateway', body='', **attrs):
        n = self.add(Node(id, tag, name, lane, col, row, 'gateway', body, attrs, attrs.pop('parent', None)))
        n.label_pos = attrs.pop('label_pos', 'above')
        return n

    def subprocess(self, id, name, lane, col0, col1, row0, row1, lane1=None, body='', **attrs):
        n = self.add(Node(id, 'subProcess', name, lane, col0, row0, 'sub', body, attrs, attrs.pop('parent', None)))
        n.span = (col0, col1, row0, row1, lane1 or lane)
        return n

    def boundary(self, id, name, host, offset, body='', interrupting=True, side='bottom'):
        n = Node(id, 'boundaryEvent', name, None, None, None, 'event', body,
                 {'attachedToRef': host, **({} if interrupting else {'cancelActivity': 'false'})},
                 self.nodes[host].parent)
        n.host, n.offset, n.side = host, offset, side
        n.label_pos = 'boundary'
        self.nodes[id] = n
        self.order.append(n)
        if n.parent:
            self.nodes[n.parent].children.append(n)
        return n

    def flow(self, id, src, tgt, name=None, cond=None, route=None, label=None):
        f = Flow(id, src, tgt, name, cond, route, label)
        self.flows.append(f)
        self.nodes[src].outgoing.append(id)
        self.nodes[tgt].incoming.append(id)
        return f

    # -- layout -----------------------------------------------------------------------------
    def lane_top(self, lane_id):
        y = POOL_Y
        for lid, _, rows in self.lanes:
            if lid == lane_id:
                return y
            y += rows * ROW_H
        raise KeyError(lane_id)

    def layout(self, strict=False):
        for n in self.order:
            if n.tag == 'boundaryEvent':
                continue
            if n.kind == 'sub':
                col0, col1, row0, row1, lane1 = n.span
                x0 = X0 + col0 * self.col_w + 10
                x1 = X0 + (col1 + 1) * self.col_w - 10
                y0 = self.lane_top(n.lane) + row0 * ROW_H + 12
                y1 = self.lane_top(lane1) + (row1 + 1) * ROW_H - 12
                n.x, n.y, n.w, n.h = x0, y0, x1 - x0, y1 - y0
                continue
            w, h = n.size or SIZES[n.kind]
            cx = X0 + n.col * self.col_w + self.col_w / 2 + n.dx
            cy = self.lane_top(n.lane) + n.row * ROW_H + ROW_H / 2 + n.dy
            n.x, n.y, n.w, n.h = cx - w / 2, cy - h / 2, w, h
        for n in self.order:
            if n.tag != 'boundaryEvent':
                continue
            host = self.nodes[n.host]
            n.w = n.h = 36
            if n.side == 'bottom':
                n.x = host.x + n.offset - 18
                n.y = host.y + host.h - 18
            else:
                n.x = host.x + n.offset - 18
                n.y = host.y - 18
        for f in self.flows:
            try:
                self.route(f)
            except ValueError:
                if strict:
                    raise
                f.points = []

    def route(self, f):
        s, t = self.nodes[f.src], self.nodes[f.tgt]
        r = f.route
        if isinstance(r, list):
            pts = r
        elif abs(s.cx - t.cx) < 1 and not r:
            if t.cy > s.cy:
                pts = [(s.cx, s.y + s.h), (t.cx, t.y)]
            else:
                pts = [(s.cx, s.y), (t.cx, t.y + t.h)]
        elif s.tag == 'boundaryEvent':
            if s.side == 'bottom':
                if abs(t.cx - s.cx) < 1:
                    pts = [(s.cx, s.y + s.h), (t.cx, t.y)]
                else:
                    pts = [(s.cx, s.y + s.h), (s.cx, t.cy), (t.x, t.cy)]
            else:
                pts = [(s.cx, s.y), (s.cx, t.cy), (t.x, t.cy)]
        elif r and r[0] in ('below', 'above'):
            chy = r[1]
            sy = s.y + s.h if r[0] == 'below' else s.y
            ty = t.y + t.h if r[0] == 'below' else t.y
            pts = [(s.cx, sy), (s.cx, chy), (t.cx, chy), (t.cx, ty)]
        elif r == 'down-right':  # leave source at bottom, then go right into target's left
            pts = [(s.cx, s.y + s.h), (s.cx, t.cy), (t.x, t.cy)]
        elif r == 'right-down':  # leave source right, then down into target's top
            pts = [(s.x + s.w, s.cy), (t.cx, s.cy), (t.cx, t.y if t.cy > s.cy else t.y + t.h)]
        elif abs(s.cy - t.cy) < 1:
            if t.x >= s.x + s.w:
                pts = [(s.x + s.w, s.cy), (t.x, t.cy)]
            else:
                raise ValueError(f'{f.id}: backward flow needs a route')
        elif t.x >= s.x + s.w - 1:
            if s.kind == 'gateway':
                sy = s.y if t.cy < s.cy else s.y + s.h
                pts = [(s.cx, sy), (s.cx, t.cy), (t.x, t.cy)]
            elif t.kind == 'gateway':
                ty = t.y if s.cy < t.cy else t.y + t.h
                pts = [(s.x + s.w, s.cy), (t.cx, s.cy), (t.cx, ty)]
            else:
                mx = (s.x + s.w + t.x) / 2
                pts = [(s.x + s.w, s.cy), (mx, s.cy), (mx, t.cy), (t.x, t.cy)]
        else:
            raise ValueError(f'{f.id}: cannot route {s.id} -> {t.id}')
        f.points = [(round(x), round(y)) for x, y in pts]
        if f.name:
            (x1, y1), (x2, y2) = f.points[0], f.points[1]
            if f.label:
                lx, ly = f.label
            elif len(f.points) >= 3 and x1 == x2:  # vertical first: label beside the corner
                lx, ly = f.points[1][0] + 6, f.points[1][1] - 24
            elif y1 == y2:
                lx, ly = min(x1, x2) + 6, y1 - 24
            else:
                lx, ly = x1 + 6, (y1 + y2) / 2
            width = 110
            if y1 == y2 and len(f.points) == 2:
                width = max(60, min(110, abs(x2 - x1) - 12))
            n = lines_for(f.name, max(8, width // 6))
            if y1 == y2 and len(f.points) == 2 and not f.label:
                ly = y1 - 14 * n - 4
            f.label_bounds = (round(lx), round(ly), width, 14 * n)

    # -- output -----------------------------------------------------------------------------
    def attrs_xml(self, attrs):
        return ''.join(f' {k}={quoteattr(str(v))}' for k, v in attrs.items() if v is not None)

    def node_xml(self, n, indent):
        pad = ' ' * indent
        a = {'id': n.id, 'name': n.name}
        a.update(n.attrs)
        out = [f'{pad}<bpmn:{n.tag}{self.attrs_xml(a)}>']
        if n.body:
            for line in n.body.strip('\n').split('\n'):
                out.append(pad + '  ' + line)
        for i in n.incoming:
            out.append(f'{pad}  <bpmn:incoming>{i}</bpmn:incoming>')
        for o in n.outgoing:
            out.append(f'{pad}  <bpmn:outgoing>{o}</bpmn:outgoing>')
        if n.kind == 'sub':
            for c in n.children:
                out.extend(self.node_xml(c, indent + 2))
            for f in self.flows:
                if self.nodes[f.src].parent == n.id:
                    out.extend(self.flow_xml(f, indent + 2))
        out.append(f'{pad}</bpmn:{n.tag}>')
        # move event definitions (in body) before incoming/outgoing? BPMN schema order:
        # documentation, extensionElements, incoming, outgoing, (event definitions / loop chars)
        return self.reorder(out, pad)

    @staticmethod
    def reorder(lines, pad):
        head, tail = lines[0], lines[-1]
        inner = lines[1:-1]
        docs = [l for l in inner if '<bpmn:documentation' in l]
        inc = [l for l in inner if l.strip().startswith('<bpmn:incoming>') and l.startswith(pad + '  <')]
        outg = [l for l in inner if l.strip().startswith('<bpmn:outgoing>') and l.startswith(pad + '  <')]
        rest = [l for l in inner if l not in docs and l not in inc and l not in outg]
        ext = []
        # extensionElements block (may be multiline) must come right after documentation
        body = []
        depth = 0
        in_ext = False
        for l in rest:
            if l.strip().startswith('<bpmn:extensionElements') and l.startswith(pad + '  <'):
                in_ext = True
            (ext if in_ext else body).append(l)
            if in_ext and l.strip().startswith('</bpmn:extensionElements>') and l.startswith(pad + '  <'):
                in_ext = False
        return [head] + docs + ext + inc + outg + body + [tail]

    def flow_xml(self, f, indent):
        pad = ' ' * indent
        a = self.attrs_xml({'id': f.id, 'name': f.name, 'sourceRef': f.src, 'targetRef': f.tgt})
        if f.cond:
            return [f'{pad}<bpmn:sequenceFlow{a}>',
                    f'{pad}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(f.cond)}</bpmn:conditionExpression>',
                    f'{pad}</bpmn:sequenceFlow>']
        return [f'{pad}<bpmn:sequenceFlow{a} />']

    def label_bounds(self, n):
        k = lines_for(n.name, 17)
        if n.label_pos == 'above':
            return (round(n.cx - 110), round(n.y - 14 * k - 4), 105, 14 * k)
        if n.label_pos == 'above-right':
            return (round(n.cx + 5), round(n.y - 14 * k - 4), 105, 14 * k)
        if n.label_pos == 'boundary':
            k = lines_for(n.name, 18)
            if getattr(n, 'side', 'bottom') == 'top':
                return (round(n.x + n.w + 4), round(n.y - 4), 150, 14)
            return (round(n.x + n.w + 2), round(n.y + n.h + 2), 100, 14 * k)
        if n.label_pos == 'below-left':
            return (round(n.cx - 110), round(n.y + n.h + 2), 100, 14 * k)
        if n.label_pos == 'left':
            return (round(n.x - 100), round(n.cy - 7 * k), 95, 14 * k)
        return (round(n.cx - 60), round(n.y + n.h + 5), 120, 14 * lines_for(n.name, 20))

    def write(self, path):
        self.layout(strict=True)
        pool_w = max(n.x + n.w for n in self.nodes.values()) + 60 - POOL_X
        if self.width_cols:
            pool_w = X0 + self.width_cols * self.col_w + 20 - POOL_X
        pool_h = sum(r for _, _, r in self.lanes) * ROW_H
        L = []
        L.append('<?xml version="1.0" encoding="UTF-8"?>')
        L.append('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
                 'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
                 'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
                 'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
                 'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
                 f'id="Definitions_{self.pid}" targetNamespace="https://stockholm.se/ks/bpmn" '
                 'exporter="Camunda Modeler" exporterVersion="5.31.0" '
                 'modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">')
        L.append(f'  <bpmn:collaboration id="Collaboration_{self.pid}">')
        L.append(f'    <bpmn:participant id="Participant_{self.pid}" name={quoteattr(self.participant)} processRef="{self.pid}" />')
        L.append('  </bpmn:collaboration>')
        for mid, mname in self.messages:
            L.append(f'  <bpmn:message id="{mid}" name="{mname}" />')
        for eid, ename, ecode in self.errors:
            L.append(f'  <bpmn:error id="{eid}" name={quoteattr(ename)} errorCode="{ecode}" />')
        pattrs = {'id': self.pid, 'name': self.pname, 'isExecutable': 'true',
                  'camunda:versionTag': self.version_tag, 'camunda:historyTimeToLive': self.ttl,
                  'camunda:isStartableInTasklist': 'true' if self.startable else 'false'}
        L.append(f'  <bpmn:process{self.attrs_xml(pattrs)}>')
        if self.doc:
            L.append(f'    <bpmn:documentation>{escape(self.doc)}</bpmn:documentation>')
        if self.extra:
            for line in self.extra.strip('\n').split('\n'):
                L.append('    ' + line)
        L.append(f'    <bpmn:laneSet id="LaneSet_{self.pid}">')
        for lid, lname, _ in self.lanes:
            L.append(f'      <bpmn:lane id="{lid}" name={quoteattr(lname)}>')
            for n in self.order:
                if n.parent is None and n.lane == lid:
                    L.append(f'        <bpmn:flowNodeRef>{n.id}</bpmn:flowNodeRef>')
                if n.parent is None and n.tag == 'boundaryEvent' and self.nodes[n.host].lane == lid:
                    L.append(f'        <bpmn:flowNodeRef>{n.id}</bpmn:flowNodeRef>')
            L.append('      </bpmn:lane>')
        L.append('    </bpmn:laneSet>')
        for n in self.order:
            if n.parent is None:
                L.extend(self.node_xml(n, 4))
        for f in self.flows:
            if self.nodes[f.src].parent is None:
                L.extend(self.flow_xml(f, 4))
        L.append('  </bpmn:process>')
        # diagram
        L.append(f'  <bpmndi:BPMNDiagram id="BPMNDiagram_{self.pid}">')
        L.append(f'    <bpmndi:BPMNPlane id="BPMNPlane_{self.pid}" bpmnElement="Collaboration_{self.pid}">')
        L.append(f'      <bpmndi:BPMNShape id="Participant_{self.pid}_di" bpmnElement="Participant_{self.pid}" isHorizontal="true">')
        L.append(f'        <dc:Bounds x="{POOL_X}" y="{POOL_Y}" width="{round(pool_w)}" height="{pool_h}" />')
        L.append('      </bpmndi:BPMNShape>')
        y = POOL_Y
        for lid, _, rows in self.lanes:
            L.append(f'      <bpmndi:BPMNShape id="{lid}_di" bpmnElement="{lid}" isHorizontal="true">')
            L.append(f'        <dc:Bounds x="{POOL_X + POOL_LABEL}" y="{y}" width="{round(pool_w - POOL_LABEL)}" height="{rows * ROW_H}" />')
            L.append('      </bpmndi:BPMNShape>')
            y += rows * ROW_H
        # shapes: subprocesses first so children are drawn on top
        ordered = [n for n in self.order if n.kind == 'sub'] + [n for n in self.order if n.kind != 'sub']
        for n in ordered:
            extra = ' isExpanded="true"' if n.kind == 'sub' else ''
            extra += ' isMarkerVisible="true"' if n.tag == 'exclusiveGateway' else ''
            L.append(f'      <bpmndi:BPMNShape id="{n.id}_di" bpmnElement="{n.id}"{extra}>')
            L.append(f'        <dc:Bounds x="{round(n.x)}" y="{round(n.y)}" width="{n.w}" height="{n.h}" />')
            if n.kind in ('event', 'gateway') and n.name:
                lx, ly, lw, lh = self.label_bounds(n)
                L.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{lx}" y="{ly}" width="{lw}" height="{lh}" /></bpmndi:BPMNLabel>')
            L.append('      </bpmndi:BPMNShape>')
        for f in self.flows:
            L.append(f'      <bpmndi:BPMNEdge id="{f.id}_di" bpmnElement="{f.id}">')
            for x, yy in f.points:
                L.append(f'        <di:waypoint x="{x}" y="{yy}" />')
            if f.label_bounds:
                lx, ly, lw, lh = f.label_bounds
                L.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{lx}" y="{ly}" width="{lw}" height="{lh}" /></bpmndi:BPMNLabel>')
            L.append('      </bpmndi:BPMNEdge>')
        L.append('    </bpmndi:BPMNPlane>')
        L.append('  </bpmndi:BPMNDiagram>')
        L.append('</bpmn:definitions>')
        with open(path, 'w', encoding='utf-8') as fh:
            fh.write('\n'.join(L) + '\n')
        self.check_overlaps()

    def check_overlaps(self):
        shapes = [n for n in self.order if n.kind != 'sub' and n.tag != 'boundaryEvent']
        for i, a in enumerate(shapes):
            for b in shapes[i + 1:]:
                if a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h:
                    print(f'WARNING overlap {a.id} {b.id}')
