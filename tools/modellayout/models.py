"""The process models of Skrivelseprocessen, described for gen.py."""
import sys
from gen import Model

OUT = sys.argv[1] if len(sys.argv) > 1 else '.'
RETRY = 'R3/PT5M'


def ext(*parts):
    return '<bpmn:extensionElements>\n' + '\n'.join('  ' + p for p in '\n'.join(parts).split('\n')) + '\n</bpmn:extensionElements>'


def doc(text):
    return f'<bpmn:documentation>{text}</bpmn:documentation>'


def service(m, id, name, lane, col, row=0, bean=None, asynch=True, documentation=None, parent=None, extra=''):
    body = ''
    if documentation:
        body += doc(documentation) + '\n'
    if asynch:
        body += ext(f'<camunda:failedJobRetryTimeCycle>{RETRY}</camunda:failedJobRetryTimeCycle>') + '\n'
    body += extra
    attrs = {'camunda:delegateExpression': '${' + bean + '}'}
    if asynch:
        attrs['camunda:asyncBefore'] = 'true'
    if parent:
        attrs['parent'] = parent
    return m.task('serviceTask', id, name, lane, col, row, body, **attrs)


def listener(bean, events=('create', 'complete')):
    return '\n'.join(f'<camunda:taskListener delegateExpression="${{{bean}}}" event="{e}" />' for e in events)


def user(m, id, name, lane, col, row=0, groups=None, form=None, due=None, followup=None, listeners='',
         documentation=None, parent=None, priority=None):
    body = ''
    if documentation:
        body += doc(documentation) + '\n'
    if listeners:
        body += ext(listeners) + '\n'
    attrs = {'camunda:candidateGroups': groups}
    kind, ref = form
    if kind == 'formRef':
        attrs['camunda:formRef'] = ref
        attrs['camunda:formRefBinding'] = 'deployment'
    else:
        attrs['camunda:formKey'] = ref
    if due:
        attrs['camunda:dueDate'] = due
    if followup:
        attrs['camunda:followUpDate'] = followup
    if priority:
        attrs['camunda:priority'] = priority
    if parent:
        attrs['parent'] = parent
    return m.task('userTask', id, name, lane, col, row, body, **attrs)


def timer_def(id, expr):
    return f'<bpmn:timerEventDefinition id="{id}">\n  <bpmn:timeDate xsi:type="bpmn:tFormalExpression">{expr}</bpmn:timeDate>\n</bpmn:timerEventDefinition>'


SU_FRIST_PASSERAD = '${frister.svarsdatumPasserat(sarskiltUttalandeSistaDag)}'

# =====================================================================================
# remiss.bpmn
# =====================================================================================
m = Model('remiss', 'Remiss till en remissinstans',
          [('Lane_KsKansli', 'KS kansli', 2), ('Lane_Remissinstans', 'Remissinstans', 2)],
          'Remiss', startable=False,
          documentation='En remiss av ett ärende till en remissinstans: remissen expedieras, '
                        'remissinstansen skriver tjänsteutlåtandet före svarsdatum, en påminnelse går ut '
                        'före svarsdatum och KS kansli beslutar om svarsdatum passerar (förlänga eller gå '
                        'vidare utan svar). Anropas från skrivelseprocessen, en gång per remissinstans.')
m.start('StartEvent_RemissSkaSkickas', 'Remiss ska skickas', 'Lane_KsKansli', 0)
service(m, 'Task_SkickaRemiss', 'Skicka remiss', 'Lane_KsKansli', 1, bean='skickaRemiss',
        documentation='Registrerar remissen som expedierad handling i diariet.')
m.gateway('Gateway_TillTjanstutlatande', 'Vänta på tjänsteutlåtande', 'Lane_Remissinstans', 2, 0)
user(m, 'Task_SkrivTjanstutlatande', 'Skriv tjänsteutlåtande', 'Lane_Remissinstans', 3, 0,
     groups='${remissinstansGrupp}', form=('formKey', 'embedded:deployment:forms/skriv-tjanstutlatande.html'),
     due='${frister.slutetAvDagen(svarsdatum)}', followup='${frister.paminnelsetid(svarsdatum)}',
     listeners=listener('tjanstutlatandeListener', ('complete',)),
     documentation='Remissinstansen skriver sitt tjänsteutlåtande (text och/eller fil) senast svarsdatum.')
m.boundary('BoundaryEvent_Paminnelse', 'Påminnelse före svarsdatum', 'Task_SkrivTjanstutlatande', 25,
           body=timer_def('TimerEventDefinition_Paminnelse', '${frister.paminnelsetid(svarsdatum)}'),
           interrupting=False)
m.boundary('BoundaryEvent_SvarsdatumPasserat', 'Svarsdatum passerat', 'Task_SkrivTjanstutlatande', 60,
           body=timer_def('TimerEventDefinition_SvarsdatumPasserat', '${frister.svarsdatumPasserat(svarsdatum)}'),
           side='top')
service(m, 'Task_SkickaPaminnelse', 'Skicka påminnelse', 'Lane_Remissinstans', 4, 1, bean='skickaPaminnelse',
        documentation='Påminner remissinstansen om svarsdatum och noterar påminnelsen i ärendet.')
m.end('EndEvent_PaminnelseSkickad', 'Påminnelse skickad', 'Lane_Remissinstans', 5, 1)
service(m, 'Task_RegistreraTjanstutlatande', 'Registrera tjänsteutlåtande', 'Lane_Remissinstans', 5, 0,
        bean='registreraTjanstutlatande',
        documentation='Registrerar tjänsteutlåtandet som inkommen handling och flyttar texten och filen '
                      'från processvariablerna till diariet.')
m.end('EndEvent_TjanstutlatandeInkommet', 'Tjänsteutlåtande inkommet', 'Lane_Remissinstans', 6, 0)
user(m, 'Task_HanteraForsenatRemissvar', 'Hantera försenat remissvar', 'Lane_KsKansli', 3, 1,
     groups='ks-kansli', form=('formRef', 'hantera-forsenat-remissvar'),
     listeners=listener('forsenatRemissvarListener', ('create', 'complete')),
     documentation='Svarsdatum har passerat utan tjänsteutlåtande: förläng svarsdatum eller gå vidare utan svar.')
m.gateway('Gateway_ForlangaSvarsdatum', 'Förlänga svarsdatum?', 'Lane_KsKansli', 4, 1)
service(m, 'Task_ForlangSvarsdatum', 'Förläng svarsdatum', 'Lane_KsKansli', 4, 0, bean='forlangSvarsdatum',
        documentation='Sätter det nya svarsdatumet och noterar förlängningen i ärendet.')
service(m, 'Task_RegistreraUteblivetRemissvar', 'Registrera uteblivet remissvar', 'Lane_KsKansli', 5, 1,
        bean='registreraUteblivetRemissvar',
        documentation='Noterar i ärendet att remissinstansen inte svarade och att ärendet går vidare.')
m.end('EndEvent_RemissUtanSvar', 'Remissen besvarades inte', 'Lane_KsKansli', 6, 1)

m.flow('Flow_TillSkickaRemiss', 'StartEvent_RemissSkaSkickas', 'Task_SkickaRemiss')
m.flow('Flow_RemissSkickad', 'Task_SkickaRemiss', 'Gateway_TillTjanstutlatande')
m.flow('Flow_TillTjanstutlatande', 'Gateway_TillTjanstutlatande', 'Task_SkrivTjanstutlatande')
m.flow('Flow_TjanstutlatandeSkrivet', 'Task_SkrivTjanstutlatande', 'Task_RegistreraTjanstutlatande')
m.flow('Flow_TjanstutlatandeRegistrerat', 'Task_RegistreraTjanstutlatande', 'EndEvent_TjanstutlatandeInkommet')
m.flow('Flow_TillPaminnelse', 'BoundaryEvent_Paminnelse', 'Task_SkickaPaminnelse')
m.flow('Flow_PaminnelseSkickad', 'Task_SkickaPaminnelse', 'EndEvent_PaminnelseSkickad')
m.flow('Flow_TillForsenatRemissvar', 'BoundaryEvent_SvarsdatumPasserat', 'Task_HanteraForsenatRemissvar')
m.flow('Flow_ForsenatRemissvarHanterat', 'Task_HanteraForsenatRemissvar', 'Gateway_ForlangaSvarsdatum')
m.flow('Flow_Forlang', 'Gateway_ForlangaSvarsdatum', 'Task_ForlangSvarsdatum', name='Förläng svarsdatum',
       cond="${forsenatRemissvarAtgard == 'FORLANG'}")
m.flow('Flow_FortsattUtanSvar', 'Gateway_ForlangaSvarsdatum', 'Task_RegistreraUteblivetRemissvar',
       name='Gå vidare utan svar', cond="${forsenatRemissvarAtgard == 'FORTSATT_UTAN_SVAR'}")
m.flow('Flow_SvarsdatumForlangt', 'Task_ForlangSvarsdatum', 'Gateway_TillTjanstutlatande',
       route=[(0, 0)])  # placeholder, set below
m.flow('Flow_UteblivetRemissvarRegistrerat', 'Task_RegistreraUteblivetRemissvar', 'EndEvent_RemissUtanSvar')
m.layout()
fl = m.flows[-2]
s, g = m.nodes['Task_ForlangSvarsdatum'], m.nodes['Gateway_TillTjanstutlatande']
chan = s.cy
fl.route = [(s.x, s.cy), (g.cx, s.cy), (g.cx, g.y)]
sk = m.nodes['Task_SkickaRemiss']
m.flows[[f.id for f in m.flows].index('Flow_RemissSkickad')].route = [(sk.cx, sk.y + sk.h), (sk.cx, g.cy), (g.x, g.cy)]
gf = m.nodes['Gateway_ForlangaSvarsdatum']
for f in m.flows:
    if f.id == 'Flow_FortsattUtanSvar':
        f.label = (gf.x + gf.w + 6, gf.cy + 4)
    if f.id == 'Flow_Forlang':
        f.label = (gf.cx + 6, gf.y - 66)
m.write(f'{OUT}/remiss.bpmn')


def P(m, nid, side):
    n = m.nodes[nid]
    return {'l': (n.x, n.cy), 'r': (n.x + n.w, n.cy), 't': (n.cx, n.y), 'b': (n.cx, n.y + n.h),
            'c': (n.cx, n.cy)}[side]


def set_route(m, fid, pts):
    for f in m.flows:
        if f.id == fid:
            f.route = pts
            return
    raise KeyError(fid)


def message_def(id, ref):
    return f'<bpmn:messageEventDefinition id="{id}" messageRef="{ref}" />'


def error_def(id, ref):
    return f'<bpmn:errorEventDefinition id="{id}" errorRef="{ref}" />'


def call(m, id, name, lane, col, row=0, called=None, ins=(), outs=(), mi=None, asynch=False, documentation=None,
         parent=None):
    lines = ['<camunda:in businessKey="#{execution.processBusinessKey}" />']
    lines += [f'<camunda:in source="{v}" target="{v}" />' for v in ins]
    lines += [f'<camunda:out source="{v}" target="{v}" />' for v in outs]
    if asynch:
        lines.append(f'<camunda:failedJobRetryTimeCycle>{RETRY}</camunda:failedJobRetryTimeCycle>')
    body = (doc(documentation) + '\n' if documentation else '') + ext(*lines)
    if mi:
        coll, elem = mi
        body += f'\n<bpmn:multiInstanceLoopCharacteristics camunda:collection="{coll}" camunda:elementVariable="{elem}" />'
    attrs = {'calledElement': called}
    if asynch:
        attrs['camunda:asyncBefore'] = 'true'
    if parent:
        attrs['parent'] = parent
    return m.task('callActivity', id, name, lane, col, row, body, **attrs)


# =====================================================================================
# skrivelse.bpmn
# =====================================================================================
K, R, RO, B, KS = 'Lane_KsKansli', 'Lane_Remissinstans', 'Lane_Rotel', 'Lane_Borgarradsberedningen', 'Lane_Kommunstyrelsen'
m = Model('skrivelse', 'Skrivelse till kommunstyrelsen',
          [(K, 'KS kansli (registrator)', 1), (R, 'Remissinstanser', 1), (RO, 'Rotel (föredragande borgarråd)', 1),
           (B, 'Borgarrådsberedningen', 2), (KS, 'Kommunstyrelsen', 2)],
          'Skrivelse till kommunstyrelsen', col_w=165,
          documentation='Ett ärende från skrivelse till avslutat ärende: registrering, fördelning, remiss, '
                        'promemoria, borgarrådsberedningen, kommunstyrelsens beslut, justering och anslag av '
                        'protokollet och tiden för laglighetsprövning. Affärsnyckel = diarienummer. Avsändaren '
                        'kan återkalla skrivelsen fram till kommunstyrelsens beslut (meddelandet Aterkallelse).',
          messages=[('Message_Aterkallelse', 'Aterkallelse'), ('Message_ProtokollAnslaget', 'ProtokollAnslaget')])
m.start('StartEvent_SkrivelseInkommen', 'Skrivelse inkommen', K, 0,
        **{'camunda:formKey': 'embedded:deployment:forms/registrera-skrivelse.html', 'camunda:initiator': 'registrator'})
service(m, 'Task_RegistreraSkrivelse', 'Registrera skrivelsen i diariet', K, 1, bean='registreraSkrivelse', asynch=False,
        documentation='Ger ärendet diarienummer (affärsnyckel) och registrerar skrivelsen som handling -1. '
                      'Körs i samma transaktion som starten: ogiltiga uppgifter ger ett fel till den som '
                      'startar, aldrig ett halvregistrerat ärende.')
m.subprocess('SubProcess_Handlaggning', 'Beredning och beslut', K, 2, 14, 0, 0, lane1=KS)
m.start('StartEvent_Handlaggning', 'Handläggning påbörjas', K, 2, parent='SubProcess_Handlaggning')
m.gateway('Gateway_TillFordelning', 'Till fördelning', K, 3, parent='SubProcess_Handlaggning')
user(m, 'Task_FordelaArende', 'Fördela ärendet', K, 4, groups='ks-kansli', form=('formRef', 'fordela-arende'),
     listeners=listener('fordelaArendeListener'), parent='SubProcess_Handlaggning',
     documentation='Välj rotel (föredragande borgarråd), remissinstanser och svarsdatum.')
call(m, 'CallActivity_Remiss', 'Remiss', R, 5, called='remiss', ins=('diarienummer', 'rubrik', 'avsandare', 'arendeLank', 'remissinstans', 'svarsdatum'),
     mi=('${remissplan.remissinstanser(execution)}', 'remissinstans'), asynch=True, parent='SubProcess_Handlaggning',
     documentation='En remiss per remissinstans, parallellt.')
m.gateway('Gateway_TillPromemoria', 'Till promemoria', RO, 6, parent='SubProcess_Handlaggning')
user(m, 'Task_UpprattaPromemoria', 'Upprätta promemoria', RO, 7, groups='${rotel}',
     form=('formKey', 'embedded:deployment:forms/uppratta-promemoria.html'), due='${frister.slutetAvDagen(frister.promemoriaSenast())}',
     listeners=listener('promemoriaListener'), parent='SubProcess_Handlaggning',
     documentation='Roteln skriver promemorian med förslag till beslut, sammanfattning, beredning och '
                   'föredragande borgarrådets synpunkter.')
service(m, 'Task_RegistreraPromemoria', 'Registrera promemorian', RO, 8, bean='registreraPromemoria',
        parent='SubProcess_Handlaggning',
        documentation='Registrerar promemorian som upprättad handling och flyttar texterna till diariet.')
call(m, 'CallActivity_Borgarradsberedning', 'Borgarrådsberedningen', B, 9, called='borgarradsberedning',
     ins=('diarienummer', 'rubrik', 'avsandare', 'arendeLank', 'rotel'), outs=('brbUtfall', 'brbSammantrade', 'aterremissTill'),
     parent='SubProcess_Handlaggning').size = (150, 80)
m.gateway('Gateway_UtfallIBrb', 'Beredningens utfall?', B, 10, parent='SubProcess_Handlaggning')
service(m, 'Task_SkapaArendedokumentTillKs', 'Upprätta ärendedokument till KS', B, 11,
        bean='skapaArendedokument', parent='SubProcess_Handlaggning',
        documentation='Skriver promemorian med borgarrådsberedningens behandling och särskilda uttalanden '
                      'som PDF/A och registrerar den som upprättad handling.')
m.gateway('Gateway_Aterremiss', 'Återremiss', B, 9, 1, parent='SubProcess_Handlaggning', label_pos='above-right')
m.gateway('Gateway_AterremissTill', 'Återremiss till?', B, 8, 1, parent='SubProcess_Handlaggning', label_pos='above-right')
call(m, 'CallActivity_Kommunstyrelsen', 'Kommunstyrelsen', KS, 12, called='kommunstyrelsen',
     ins=('diarienummer', 'rubrik', 'avsandare', 'arendeLank', 'brbSammantrade'), outs=('ksBeslut', 'ksSammantrade', 'aterremissTill'),
     parent='SubProcess_Handlaggning').dy = -18
m.gateway('Gateway_BeslutIKs', 'Beslut i KS?', KS, 13, parent='SubProcess_Handlaggning').dy = -18
m.end('EndEvent_BeslutFattat', 'Beslut fattat', KS, 14, parent='SubProcess_Handlaggning').dy = -18
m.boundary('BoundaryEvent_Aterkallelse', 'Skrivelsen återkallad', 'SubProcess_Handlaggning', 80,
           body=message_def('MessageEventDefinition_Aterkallelse', 'Message_Aterkallelse'))
service(m, 'Task_RegistreraAterkallelse', 'Registrera återkallelsen', KS, 3, 1, bean='registreraAterkallelse', asynch=False,
        documentation='Registrerar återkallelsen och avslutar ärendet som återkallat. Pågående uppgifter avbryts; '
                      'redan registrerade handlingar finns kvar. Körs i samma transaktion som återkallelsen, så att '
                      'den som återkallar ser ärendet avslutat när anropet returnerar.')
m.end('EndEvent_ArendeAterkallat', 'Ärendet återkallat', KS, 4, 1)
service(m, 'Task_AnmalTillProtokoll', 'Anmäl beslutet till protokollet', KS, 15, bean='anmalTillProtokoll',
        documentation='Kopplar ärendet till protokollet för kommunstyrelsens sammanträde (startar det vid '
                      'första beslutet).')
m.gateway('Gateway_ProtokollRedanAnslaget', 'Protokollet redan anslaget?', KS, 16)
m.catch('Event_ProtokollAnslaget', 'Protokollet justerat och anslaget', KS, 17,
        body=message_def('MessageEventDefinition_ProtokollAnslaget', 'Message_ProtokollAnslaget'))
m.gateway('Gateway_ProtokollAnslaget', 'Protokoll anslaget', KS, 18, label_pos='above-right')
service(m, 'Task_SkapaProtokollsutdrag', 'Upprätta protokollsutdrag', KS, 19, bean='skapaProtokollsutdrag')
service(m, 'Task_SkapaArendedokument', 'Upprätta slutligt ärendedokument', KS, 20, bean='skapaArendedokument')
m.catch('Event_LaglighetsprovningUtgangen', 'Tiden för laglighetsprövning har gått ut', KS, 21,
        body=timer_def('TimerEventDefinition_Laglighetsprovning', '${frister.laglighetsprovningUtgangen(anslagsdatum)}'))
service(m, 'Task_AvslutaArende', 'Avsluta ärendet', KS, 22, bean='avslutaArende')
m.end('EndEvent_ArendeAvslutat', 'Ärendet avslutat', KS, 23)

m.flow('Flow_TillRegistrering', 'StartEvent_SkrivelseInkommen', 'Task_RegistreraSkrivelse')
m.flow('Flow_Registrerad', 'Task_RegistreraSkrivelse', 'SubProcess_Handlaggning')
m.flow('Flow_HandlaggningPaborjad', 'StartEvent_Handlaggning', 'Gateway_TillFordelning')
m.flow('Flow_TillFordela', 'Gateway_TillFordelning', 'Task_FordelaArende')
m.flow('Flow_Fordelat', 'Task_FordelaArende', 'CallActivity_Remiss', route='right-down')
m.flow('Flow_RemisserKlara', 'CallActivity_Remiss', 'Gateway_TillPromemoria', route='right-down')
m.flow('Flow_TillUpprattaPromemoria', 'Gateway_TillPromemoria', 'Task_UpprattaPromemoria')
m.flow('Flow_PromemoriaUpprattad', 'Task_UpprattaPromemoria', 'Task_RegistreraPromemoria')
m.flow('Flow_TillBorgarradsberedningen', 'Task_RegistreraPromemoria', 'CallActivity_Borgarradsberedning', route='right-down')
m.flow('Flow_BrbBehandlat', 'CallActivity_Borgarradsberedning', 'Gateway_UtfallIBrb')
m.flow('Flow_Tillstyrkt', 'Gateway_UtfallIBrb', 'Task_SkapaArendedokumentTillKs', name='Tillstyrker',
       cond="${brbUtfall == 'TILLSTYRKER'}")
m.flow('Flow_AterremitteratIBrb', 'Gateway_UtfallIBrb', 'Gateway_Aterremiss', name='Återremitteras',
       cond="${brbUtfall == 'ATERREMISS'}")
m.flow('Flow_TillKommunstyrelsen', 'Task_SkapaArendedokumentTillKs', 'CallActivity_Kommunstyrelsen', route='right-down')
m.flow('Flow_KsBehandlat', 'CallActivity_Kommunstyrelsen', 'Gateway_BeslutIKs')
m.flow('Flow_Beslutat', 'Gateway_BeslutIKs', 'EndEvent_BeslutFattat', name='Beslut fattat', cond="${ksBeslut == 'BESLUT'}")
m.flow('Flow_AterremitteratIKs', 'Gateway_BeslutIKs', 'Gateway_Aterremiss', name='Återremitteras',
       cond="${ksBeslut == 'ATERREMISS'}")
m.flow('Flow_TillAterremissTill', 'Gateway_Aterremiss', 'Gateway_AterremissTill')
m.flow('Flow_AterremissTillPromemoria', 'Gateway_AterremissTill', 'Gateway_TillPromemoria', name='Till promemorian',
       cond="${aterremissTill == 'PROMEMORIA'}")
m.flow('Flow_AterremissTillRemiss', 'Gateway_AterremissTill', 'Gateway_TillFordelning', name='Till ny remiss',
       cond="${aterremissTill == 'REMISS'}")
m.flow('Flow_TillAnmalan', 'SubProcess_Handlaggning', 'Task_AnmalTillProtokoll')
m.flow('Flow_TillAterkallelse', 'BoundaryEvent_Aterkallelse', 'Task_RegistreraAterkallelse')
m.flow('Flow_AterkallelseRegistrerad', 'Task_RegistreraAterkallelse', 'EndEvent_ArendeAterkallat')
m.flow('Flow_Anmalt', 'Task_AnmalTillProtokoll', 'Gateway_ProtokollRedanAnslaget')
m.flow('Flow_InteAnslaget', 'Gateway_ProtokollRedanAnslaget', 'Event_ProtokollAnslaget', name='Nej',
       cond='${!protokollAnslaget}')
m.flow('Flow_RedanAnslaget', 'Gateway_ProtokollRedanAnslaget', 'Gateway_ProtokollAnslaget', name='Ja',
       cond='${protokollAnslaget}')
m.flow('Flow_AnslagetMeddelat', 'Event_ProtokollAnslaget', 'Gateway_ProtokollAnslaget')
m.flow('Flow_TillProtokollsutdrag', 'Gateway_ProtokollAnslaget', 'Task_SkapaProtokollsutdrag')
m.flow('Flow_ProtokollsutdragSkapat', 'Task_SkapaProtokollsutdrag', 'Task_SkapaArendedokument')
m.flow('Flow_ArendedokumentSkapat', 'Task_SkapaArendedokument', 'Event_LaglighetsprovningUtgangen')
m.flow('Flow_LagaKraft', 'Event_LaglighetsprovningUtgangen', 'Task_AvslutaArende')
m.flow('Flow_Avslutat', 'Task_AvslutaArende', 'EndEvent_ArendeAvslutat')
m.layout()
sub = m.nodes['SubProcess_Handlaggning']
ks_chan = m.nodes['CallActivity_Kommunstyrelsen'].y + 80 + 18
g = m.nodes['Gateway_Aterremiss']; gt = m.nodes['Gateway_AterremissTill']
brb_chan = g.y + g.h + 16
set_route(m, 'Flow_AterremitteratIBrb', [P(m, 'Gateway_UtfallIBrb', 'b'), (m.nodes['Gateway_UtfallIBrb'].cx, g.cy), P(m, 'Gateway_Aterremiss', 'r')])
set_route(m, 'Flow_AterremitteratIKs', [P(m, 'Gateway_BeslutIKs', 'b'), (m.nodes['Gateway_BeslutIKs'].cx, ks_chan), (g.cx, ks_chan), P(m, 'Gateway_Aterremiss', 'b')])
set_route(m, 'Flow_TillAterremissTill', [P(m, 'Gateway_Aterremiss', 'l'), P(m, 'Gateway_AterremissTill', 'r')])
tp = m.nodes['Gateway_TillPromemoria']; tf = m.nodes['Gateway_TillFordelning']
set_route(m, 'Flow_AterremissTillPromemoria', [P(m, 'Gateway_AterremissTill', 'l'), (tp.cx, gt.cy), P(m, 'Gateway_TillPromemoria', 'b')])
set_route(m, 'Flow_AterremissTillRemiss', [P(m, 'Gateway_AterremissTill', 'b'), (gt.cx, brb_chan), (tf.cx, brb_chan), P(m, 'Gateway_TillFordelning', 'b')])
set_route(m, 'Flow_Registrerad', [P(m, 'Task_RegistreraSkrivelse', 'r'), (sub.x, m.nodes['Task_RegistreraSkrivelse'].cy)])
ks = m.nodes['Task_AnmalTillProtokoll']
set_route(m, 'Flow_TillAnmalan', [(sub.x + sub.w, ks.cy), P(m, 'Task_AnmalTillProtokoll', 'l')])
ra = m.nodes['Gateway_ProtokollRedanAnslaget']; pa = m.nodes['Gateway_ProtokollAnslaget']
bypass = ra.cy + 70
set_route(m, 'Flow_RedanAnslaget', [P(m, 'Gateway_ProtokollRedanAnslaget', 'b'), (ra.cx, bypass), (pa.cx, bypass), P(m, 'Gateway_ProtokollAnslaget', 'b')])
for f in m.flows:
    if f.id == 'Flow_AterremitteratIKs':
        f.label = (m.nodes['Gateway_BeslutIKs'].cx - 100, ks_chan - 18)
    if f.id == 'Flow_AterremissTillRemiss':
        f.label = (gt.cx - 120, brb_chan + 2)
    if f.id == 'Flow_AterremissTillPromemoria':
        f.label = (tp.cx + 10, gt.cy - 20)
    if f.id == 'Flow_RedanAnslaget':
        f.label = (ra.cx + 6, bypass - 18)
m.write(f'{OUT}/skrivelse.bpmn')


def planning(m, prefix, lane_sekr, lane_kansli, planner_bean, ange_form, ange_listener, organ, organ_def):
    """Start, planning of the meeting (with the kansli's fallback when the plan lacks a date), timer."""
    m.start('StartEvent_Till' + prefix, 'Ärendet till ' + organ, lane_sekr, 0).dy = 20
    g = m.gateway('Gateway_TillPlanering', 'Till planering', lane_sekr, 1)
    g.dy, g.label_pos = 20, 'below'
    service(m, f'Task_Planera{prefix}Sammantrade', 'Uppför på föredragningslistan', lane_sekr, 2, bean=planner_bean,
            documentation='Väljer sammanträde ur sammanträdesplanen (första som ger tid för beredning, vid '
                          'bordläggning nästa) och för upp ärendet på föredragningslistan. Saknas datum i planen '
                          'går ärendet till KS kansli.').dy = 20
    m.boundary(f'BoundaryEvent_{prefix}SammantradeSaknas', 'Inget sammanträde i planen',
               f'Task_Planera{prefix}Sammantrade', 60,
               body=error_def(f'ErrorEventDefinition_{prefix}SammantradeSaknas', 'Error_SammantradeSaknas'))
    user(m, f'Task_Ange{prefix}Sammantrade', 'Ange sammanträde för ' + organ, lane_kansli, 3,
         groups='ks-kansli', form=('formRef', ange_form), listeners=listener(ange_listener, ('create', 'complete')),
         documentation='Sammanträdesplanen saknar ett lämpligt datum för ' + organ_def + ': ange '
                       'sammanträdesdatum (och lägg till det i sammanträdesplanen).')
    g = m.gateway('Gateway_TillSammantrade', 'Till sammanträdet', lane_sekr, 3)
    g.dy, g.label_pos = 20, 'below-left'
    m.flow('Flow_Till' + prefix + 'Planering', 'StartEvent_Till' + prefix, 'Gateway_TillPlanering')
    m.flow('Flow_TillUppforande', 'Gateway_TillPlanering', f'Task_Planera{prefix}Sammantrade')
    m.flow('Flow_Uppford', f'Task_Planera{prefix}Sammantrade', 'Gateway_TillSammantrade')
    m.flow('Flow_SammantradeSaknas', f'BoundaryEvent_{prefix}SammantradeSaknas', f'Task_Ange{prefix}Sammantrade')
    m.flow('Flow_SammantradeAngivet', f'Task_Ange{prefix}Sammantrade', 'Gateway_TillSammantrade')


# =====================================================================================
# borgarradsberedning.bpmn
# =====================================================================================
S, KK, PA = 'Lane_BrbSekreterare', 'Lane_KsKansli', 'Lane_Partier'
m = Model('borgarradsberedning', 'Ärendet i borgarrådsberedningen',
          [(S, 'Borgarrådsberedningens sekreterare', 2), (KK, 'KS kansli', 1), (PA, 'Partierna', 2)],
          'Borgarrådsberedningen', startable=False,
          documentation='Ärendet förs upp på föredragningslistan för borgarrådsberedningens nästa sammanträde. '
                        'Sekreteraren registrerar utfallet: tillstyrker, återremitteras eller bordläggs (till nästa '
                        'sammanträde). Partier som anmält särskilt uttalande lämnar texten före fristen.',
          errors=[('Error_SammantradeSaknas', 'Sammanträde saknas i sammanträdesplanen', 'SAMMANTRADE_SAKNAS')])
planning(m, 'Brb', S, KK, 'planeraBrbSammantrade', 'ange-brb-sammantrade', 'angeSammantradeListener',
         'BRB', 'borgarrådsberedningen')
m.catch('Event_BrbSammantrade', 'Sammanträdet hålls', S, 4,
        body=timer_def('TimerEventDefinition_BrbSammantrade', '${frister.tidpunkt(brbSammantrade)}')).dy = 20
user(m, 'Task_RegistreraUtfallIBrb', 'Registrera utfall i BRB', S, 5, groups='brb-sekreterare',
     form=('formRef', 'registrera-utfall-i-brb'), due='${frister.slutetAvDagen(brbSammantrade)}',
     listeners=listener('utfallIBrbListener', ('create', 'complete')),
     documentation='Tillstyrker, återremitteras (till promemorian eller till ny remiss) eller bordläggs; '
                   'vilka partier som anmält särskilt uttalande.').dy = 20
service(m, 'Task_DiarieforUtfallIBrb', 'Diarieför utfallet', S, 6, bean='diarieforUtfallIBrb',
        documentation='Noterar utfallet i ärendet och sätter fristen för särskilda uttalanden.').dy = 20
g = m.gateway('Gateway_UtfallIBrb', 'Utfall?', S, 7)
g.dy, g.label_pos = 20, 'below-left'
m.end('EndEvent_Aterremitterat', 'Ärendet återremitterat', S, 7, 1).dy = 20
g = m.gateway('Gateway_SarskildaUttalanden', 'Särskilda uttalanden anmälda?', S, 8)
g.dy, g.label_pos = 20, 'above-right'
m.subprocess('SubProcess_SarskiltUttalande', 'Särskilt uttalande', PA, 9, 12, 0, 1,
             body=ext(f'<camunda:failedJobRetryTimeCycle>{RETRY}</camunda:failedJobRetryTimeCycle>',
                      '<camunda:inputOutput>',
                      '  <camunda:inputParameter name="uttalandeLedamot" />',
                      '  <camunda:inputParameter name="uttalandeText" />',
                      '  <camunda:inputParameter name="uttalandeFil" />',
                      '</camunda:inputOutput>') + '\n'
                  '<bpmn:multiInstanceLoopCharacteristics camunda:collection="${sarskildaUttalanden.anmalda(execution)}" '
                  'camunda:elementVariable="parti" />',
             **{'camunda:asyncBefore': 'true'})
m.start('StartEvent_Uttalande', 'Uttalande anmält', PA, 9, parent='SubProcess_SarskiltUttalande').dy = 12
user(m, 'Task_LamnaSarskiltUttalande', 'Lämna särskilt uttalande', PA, 10,
     groups='${sarskildaUttalanden.grupp(parti)}',
     form=('formKey', 'embedded:deployment:forms/lamna-sarskilt-uttalande.html'),
     due='${frister.slutetAvDagen(sarskiltUttalandeSistaDag)}', listeners=listener('sarskiltUttalandeListener', ('complete',)),
     parent='SubProcess_SarskiltUttalande',
     documentation='Partiet lämnar texten till sitt särskilda uttalande senast fristen.').dy = 12
m.boundary('BoundaryEvent_UttalandeFristUte', 'Fristen har gått ut', 'Task_LamnaSarskiltUttalande', 60,
           body=timer_def('TimerEventDefinition_UttalandeFrist', SU_FRIST_PASSERAD))
service(m, 'Task_RegistreraSarskiltUttalande', 'Registrera särskilt uttalande', PA, 11, bean='registreraSarskiltUttalande',
        parent='SubProcess_SarskiltUttalande').dy = 12
m.end('EndEvent_UttalandeInlamnat', 'Uttalande registrerat', PA, 12, parent='SubProcess_SarskiltUttalande').dy = 12
service(m, 'Task_RegistreraUteblivetUttalande', 'Notera uteblivet uttalande', PA, 11, 1,
        bean='registreraUteblivetUttalande', parent='SubProcess_SarskiltUttalande')
m.end('EndEvent_UttalandeUteblev', 'Uttalande uteblev', PA, 12, 1, parent='SubProcess_SarskiltUttalande')
m.gateway('Gateway_UttalandenKlara', 'Klart för kommunstyrelsen', S, 13).dy = 20
m.end('EndEvent_Tillstyrkt', 'Tillstyrkt', S, 14).dy = 20

m.flow('Flow_SammantradeInne', 'Gateway_TillSammantrade', 'Event_BrbSammantrade')
m.flow('Flow_SammantradeHallet', 'Event_BrbSammantrade', 'Task_RegistreraUtfallIBrb')
m.flow('Flow_UtfallRegistrerat', 'Task_RegistreraUtfallIBrb', 'Task_DiarieforUtfallIBrb')
m.flow('Flow_UtfallDiarifort', 'Task_DiarieforUtfallIBrb', 'Gateway_UtfallIBrb')
m.flow('Flow_Tillstyrker', 'Gateway_UtfallIBrb', 'Gateway_SarskildaUttalanden', name='Tillstyrker',
       cond="${brbUtfall == 'TILLSTYRKER'}")
m.flow('Flow_Bordlaggs', 'Gateway_UtfallIBrb', 'Gateway_TillPlanering', name='Bordläggs', cond="${brbUtfall == 'BORDLAGGNING'}")
m.flow('Flow_Aterremitteras', 'Gateway_UtfallIBrb', 'EndEvent_Aterremitterat', name='Återremitteras',
       cond="${brbUtfall == 'ATERREMISS'}")
m.flow('Flow_UttalandenAnmalda', 'Gateway_SarskildaUttalanden', 'SubProcess_SarskiltUttalande', name='Ja',
       cond='${sarskildaUttalanden.finns(execution)}')
f = m.flow('Flow_IngaUttalanden', 'Gateway_SarskildaUttalanden', 'Gateway_UttalandenKlara', name='Nej',
       cond='${!sarskildaUttalanden.finns(execution)}')
m.flow('Flow_UttalandenKlara', 'SubProcess_SarskiltUttalande', 'Gateway_UttalandenKlara')
m.flow('Flow_TillTillstyrkt', 'Gateway_UttalandenKlara', 'EndEvent_Tillstyrkt')
m.flow('Flow_TillUttalande', 'StartEvent_Uttalande', 'Task_LamnaSarskiltUttalande')
m.flow('Flow_UttalandeLamnat', 'Task_LamnaSarskiltUttalande', 'Task_RegistreraSarskiltUttalande')
m.flow('Flow_UttalandeRegistrerat', 'Task_RegistreraSarskiltUttalande', 'EndEvent_UttalandeInlamnat')
m.flow('Flow_FristUte', 'BoundaryEvent_UttalandeFristUte', 'Task_RegistreraUteblivetUttalande')
m.flow('Flow_UteblivetNoterat', 'Task_RegistreraUteblivetUttalande', 'EndEvent_UttalandeUteblev')
m.layout()
g = m.nodes['Gateway_UtfallIBrb']; tp = m.nodes['Gateway_TillPlanering']
top = m.lane_top(S) + 22
set_route(m, 'Flow_Bordlaggs', [P(m, 'Gateway_UtfallIBrb', 't'), (g.cx, top), (tp.cx, top), P(m, 'Gateway_TillPlanering', 't')])
for f in m.flows:
    if f.id == 'Flow_Bordlaggs':
        f.label = (g.cx - 118, top + 4)
    if f.id == 'Flow_IngaUttalanden':
        f.label = (m.nodes['Gateway_SarskildaUttalanden'].cx + 140, m.nodes['Gateway_SarskildaUttalanden'].cy - 20)
    if f.id == 'Flow_Aterremitteras':
        f.label = (g.cx + 8, g.y + g.h + 20)
m.write(f'{OUT}/borgarradsberedning.bpmn')


# =====================================================================================
# kommunstyrelsen.bpmn
# =====================================================================================
S = 'Lane_KsSekreterare'
m = Model('kommunstyrelsen', 'Ärendet i kommunstyrelsen',
          [(S, 'Kommunstyrelsens sekreterare', 2), (KK, 'KS kansli', 1)],
          'Kommunstyrelsen', startable=False,
          documentation='Ärendet förs upp på föredragningslistan för kommunstyrelsens nästa sammanträde. '
                        'Sekreteraren registrerar beslutet (enligt förslaget eller annat beslut), återremiss eller '
                        'bordläggning, med särskilda uttalanden (ny text eller likalydande med ett uttalande i '
                        'borgarrådsberedningen) och reservationer.',
          errors=[('Error_SammantradeSaknas', 'Sammanträde saknas i sammanträdesplanen', 'SAMMANTRADE_SAKNAS')])
planning(m, 'Ks', S, KK, 'planeraKsSammantrade', 'ange-ks-sammantrade', 'angeSammantradeListener',
         'KS', 'kommunstyrelsen')
m.catch('Event_KsSammantrade', 'Sammanträdet hålls', S, 4,
        body=timer_def('TimerEventDefinition_KsSammantrade', '${frister.tidpunkt(ksSammantrade)}')).dy = 20
user(m, 'Task_RegistreraBeslutIKs', 'Registrera beslut i KS', S, 5, groups='ks-sekreterare',
     form=('formKey', 'embedded:deployment:forms/registrera-beslut-i-ks.html'),
     due='${frister.slutetAvDagen(ksSammantrade)}', listeners=listener('beslutIKsListener', ('create', 'complete')),
     documentation='Beslut, paragraf, särskilda uttalanden och reservationer; eller återremiss eller bordläggning.').dy = 20
service(m, 'Task_DiarieforBeslutIKs', 'Diarieför beslutet', S, 6, bean='diarieforBeslutIKs', asynch=False,
        documentation='Registrerar särskilda uttalanden och reservationer och sätter ärendet som beslutat. Körs i '
                      'samma transaktion som sekreterarens registrering: efter beslutet kan skrivelsen inte längre '
                      'återkallas.').dy = 20
g = m.gateway('Gateway_BeslutIKs', 'Beslut?', S, 7)
g.dy, g.label_pos = 20, 'below-left'
m.end('EndEvent_Beslutat', 'Beslut fattat', S, 8).dy = 20
m.end('EndEvent_AterremitteratIKs', 'Ärendet återremitterat', S, 7, 1).dy = 20
m.flow('Flow_SammantradeInne', 'Gateway_TillSammantrade', 'Event_KsSammantrade')
m.flow('Flow_SammantradeHallet', 'Event_KsSammantrade', 'Task_RegistreraBeslutIKs')
m.flow('Flow_BeslutRegistrerat', 'Task_RegistreraBeslutIKs', 'Task_DiarieforBeslutIKs')
m.flow('Flow_BeslutDiarifort', 'Task_DiarieforBeslutIKs', 'Gateway_BeslutIKs')
m.flow('Flow_Beslut', 'Gateway_BeslutIKs', 'EndEvent_Beslutat', name='Beslut', cond="${ksBeslut == 'BESLUT'}")
m.flow('Flow_Bordlaggs', 'Gateway_BeslutIKs', 'Gateway_TillPlanering', name='Bordläggs', cond="${ksBeslut == 'BORDLAGGNING'}")
m.flow('Flow_Aterremitteras', 'Gateway_BeslutIKs', 'EndEvent_AterremitteratIKs', name='Återremitteras',
       cond="${ksBeslut == 'ATERREMISS'}")
m.layout()
g = m.nodes['Gateway_BeslutIKs']; tp = m.nodes['Gateway_TillPlanering']
top = m.lane_top(S) + 22
set_route(m, 'Flow_Bordlaggs', [P(m, 'Gateway_BeslutIKs', 't'), (g.cx, top), (tp.cx, top), P(m, 'Gateway_TillPlanering', 't')])
for f in m.flows:
    if f.id == 'Flow_Bordlaggs':
        f.label = (g.cx - 118, top + 4)
    if f.id == 'Flow_Aterremitteras':
        f.label = (g.cx + 8, g.y + g.h + 20)
m.write(f'{OUT}/kommunstyrelsen.bpmn')


# =====================================================================================
# protokoll.bpmn
# =====================================================================================
S = 'Lane_KsSekreterare'
m = Model('protokoll', 'Protokoll från kommunstyrelsens sammanträde',
          [(S, 'Kommunstyrelsens sekreterare', 1), ('Lane_System', 'Diariet', 1)],
          'Protokoll', startable=False,
          documentation='Ett protokoll per sammanträde (affärsnyckel "KS <datum>"): protokollet justeras inom 14 '
                        'dagar (kommunallagen 5 kap 69 §) och justeringen anslås på anslagstavlan inom två dagar '
                        '(8 kap 12 §). Därefter meddelas varje ärende som beslutades på sammanträdet; tiden för '
                        'laglighetsprövning (13 kap 5 §) räknas från anslaget.')
m.start('StartEvent_ProtokollOppnat', 'Första beslutet på sammanträdet', S, 0)
user(m, 'Task_JusteraProtokollet', 'Justera protokollet', S, 1, groups='ks-sekreterare',
     form=('formRef', 'justera-protokollet'), due='${frister.slutetAvDagen(justeringSenast)}',
     listeners=listener('justeringListener', ('complete',)),
     documentation='Registrera dagen då protokollet justerades (senast 14 dagar efter sammanträdet).')
user(m, 'Task_AnslaProtokollet', 'Anslå protokollet', S, 2, groups='ks-sekreterare',
     form=('formRef', 'ansla-protokollet'), due='${frister.slutetAvDagen(anslagSenast)}',
     listeners=listener('anslagListener', ('create', 'complete')),
     documentation='Registrera dagen då justeringen anslogs på anslagstavlan (senast två dagar efter justeringen).')
service(m, 'Task_MeddelaArendena', 'Meddela ärendena', 'Lane_System', 3, bean='meddelaArendena',
        documentation='Noterar justering och anslag i varje ärende från sammanträdet och låter ärendena gå vidare.')
m.end('EndEvent_ProtokollAnslaget', 'Protokollet anslaget', 'Lane_System', 4)
m.flow('Flow_TillJustering', 'StartEvent_ProtokollOppnat', 'Task_JusteraProtokollet')
m.flow('Flow_Justerat', 'Task_JusteraProtokollet', 'Task_AnslaProtokollet')
m.flow('Flow_Anslaget', 'Task_AnslaProtokollet', 'Task_MeddelaArendena')
m.flow('Flow_ArendenaMeddelade', 'Task_MeddelaArendena', 'EndEvent_ProtokollAnslaget')
m.write(f'{OUT}/protokoll.bpmn')
